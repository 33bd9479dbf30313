package com.kefu.gateway.accounts;

import com.kefu.platform.rules.InvalidRequest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the accounts and the notifications take it: a plain {@code local@domain} (no display name, no
 * comments, no quoted local part), at most 254 characters, kept in lower case. Shown masked wherever it is read back by
 * someone else than its owner: its first and last character of the local part and the domain.
 */
public final class EmailAddress {

    private static final Pattern ADDRESS =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final int MAX = 254;
    private static final int MAX_LOCAL = 64;

    private EmailAddress() {
    }

    /** The address in lower case, or 400 naming {@code field} when it is none; null and blank stay null. */
    public static String checked(String field, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String normal = address.trim().toLowerCase(Locale.ROOT);
        int at = normal.lastIndexOf('@');
        if (normal.length() > MAX || at < 1 || at > MAX_LOCAL || !ADDRESS.matcher(normal).matches()) {
            throw new InvalidRequest(field + ": not an e-mail address (local@domain, at most " + MAX
                    + " characters): " + abbreviated(address));
        }
        return normal;
    }

    /** {@code wang.fang@mall.example} as {@code w*******g@mall.example}; null stays null. */
    public static String masked(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return "***";
        }
        String local = address.substring(0, at);
        String shown = local.length() <= 2 ? local.charAt(0) + "*"
                : local.charAt(0) + "*".repeat(local.length() - 2) + local.charAt(local.length() - 1);
        return shown + address.substring(at);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
