package com.kefu.platform.privacy;

/** Personal data as roles that do not need it see it (S1): enough to recognise, not enough to use. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() <= 6) {
            return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
