package com.kefu.gateway.accounts;

import com.kefu.platform.rules.InvalidRequest;

import java.util.Locale;
import java.util.Set;

/**
 * How strong a password must be (README "User accounts"): at least {@value #MIN_LENGTH} characters (at most
 * {@value #MAX_LENGTH}), not the user name nor containing it, and not one of the passwords every guesser tries first.
 * Length beats composition rules (NIST SP 800-63B, 5.1.1.2): no "one digit, one capital" rule.
 */
final class PasswordRule {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    /** The ten-character-or-longer passwords at the head of the public lists of leaked passwords, and the obvious. */
    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "123456789012", "0987654321",
            "1111111111", "0000000000", "1q2w3e4r5t", "qwertyuiop", "qwerty12345", "qwerty123456", "password12",
            "password123", "password1234", "passw0rd123", "iloveyou12", "abcdefghij", "abc1234567", "a123456789",
            "1qaz2wsx3edc", "zaq12wsxcde", "welcome123", "admin12345", "administrator", "letmein123", "changeme123",
            "kefu123456", "kefukefu12", "demodemo12", "woaini1314", "5201314520", "qazwsxedcrfv", "asdfghjkl1");

    private PasswordRule() {
    }

    /** Refuses with 400 naming the field when the password is too weak for this user. */
    static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidRequest(field + ": must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidRequest(field + ": must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequest(field + ": must not contain the user name");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            throw new InvalidRequest(field + ": is one of the passwords guessed first; choose a longer phrase");
        }
    }
}
