package com.kefu.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Optional;

/**
 * The caller, as the gateway's token says: user name, roles and, for DEPARTMENT users, their department.
 */
public record CurrentUser(String username, List<String> roles, String department) {

    public static final String ROLES_CLAIM = "roles";
    public static final String DEPARTMENT_CLAIM = "department";

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("no authenticated user");
        }
        List<String> roles = Optional.ofNullable(jwt.getClaimAsStringList(ROLES_CLAIM)).orElse(List.of());
        return new CurrentUser(jwt.getSubject(), roles, jwt.getClaimAsString(DEPARTMENT_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The department a DEPARTMENT user sees and acts for (S4). A token that names none is refused (403): read as
     * "no department", it would filter nothing and show every department's complaints.
     */
    public String ownDepartment() {
        if (department == null || department.isBlank()) {
            throw new AccessDeniedException("a DEPARTMENT user's token must name their department");
        }
        return department;
    }
}
