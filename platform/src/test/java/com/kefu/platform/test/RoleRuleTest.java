package com.kefu.platform.test;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleRuleTest {

    @Test
    @DisplayName("S4 the role matrix reads hasRole, hasAnyRole, isAuthenticated, and/or/not as sets of roles")
    void readsRules() {
        assertThat(RoleRule.allowed("hasRole('ADMIN')")).containsExactly("ADMIN");
        assertThat(RoleRule.allowed("hasAnyRole('AUDITOR', 'FRONT_DESK')")).containsExactly("FRONT_DESK", "AUDITOR");
        assertThat(RoleRule.allowed("hasAnyRole('FRONT_DESK', 'CS_HEAD') or hasRole('AUDITOR')"))
                .containsExactly("FRONT_DESK", "CS_HEAD", "AUDITOR");
        assertThat(RoleRule.allowed("hasAnyRole('FRONT_DESK', 'CS_HEAD') and !hasRole('CS_HEAD')"))
                .containsExactly("FRONT_DESK");
        assertThat(RoleRule.allowed("hasAuthority('ROLE_SUPERVISOR') || (denyAll())")).containsExactly("SUPERVISOR");
        assertThat(RoleRule.allowed("isAuthenticated()")).containsExactlyElementsOf(RoleRule.ROLES);
    }

    @Test
    @DisplayName("S4 a rule the matrix cannot read, or naming a role REQUIREMENTS.md does not have, is refused")
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> RoleRule.allowed("hasRole('CS_MANGER')")).hasMessageContaining("CS_MANGER");
        assertThatThrownBy(() -> RoleRule.allowed("@access.check(#id)")).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> RoleRule.allowed("hasRole('ADMIN') or")).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> RoleRule.allowed("hasPermission(#id, 'read')")).hasMessageContaining("cannot read");
    }
}
