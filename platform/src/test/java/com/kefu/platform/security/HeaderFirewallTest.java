package com.kefu.platform.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderFirewallTest {

    @Test
    @DisplayName("S4 header names and values with control characters are refused; tokens and CJK text pass")
    void refusesControlCharacters() {
        assertThat(SecurityConfiguration.printable("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(SecurityConfiguration.printable("王芳 Иван")).isTrue();
        assertThat(SecurityConfiguration.printable("evil\r\nSet-Cookie: x")).isFalse();
        assertThat(SecurityConfiguration.printable("nul\u0000")).isFalse();
        assertThat(SecurityConfiguration.printable("unassigned\u0378")).isFalse();
    }

    @Test
    @DisplayName("S4 the check's shortcut for printable ASCII decides every character as the rule does")
    void sameRuleForEveryCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean rule = !Character.isISOControl(c) && Character.isDefined(c);
            assertThat(SecurityConfiguration.printable("x" + c + "y")).as("U+%04X", (int) c).isEqualTo(rule);
        }
        assertThat(SecurityConfiguration.printable("\u007f")).isFalse();
        assertThat(SecurityConfiguration.printable("\u009f")).isFalse();
    }
}
