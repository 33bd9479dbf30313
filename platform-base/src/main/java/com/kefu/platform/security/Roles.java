package com.kefu.platform.security;

/**
 * The roles of REQUIREMENTS.md ("Roles"), as the token carries them. Spring Security sees each as
 * {@code ROLE_<name>}, so {@code hasRole('FRONT_DESK')} and {@code hasAnyRole(...)} read naturally.
 */
public final class Roles {

    public static final String FRONT_DESK = "FRONT_DESK";
    public static final String AFTER_SALES = "AFTER_SALES";
    public static final String CS_HEAD = "CS_HEAD";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String CS_MANAGER = "CS_MANAGER";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String BROADCASTER = "BROADCASTER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
