package com.kefu.platform.privacy;

import com.kefu.platform.contracts.PersonalData;

/** Personal data as roles that do not need it see it (S1): enough to recognise, not enough to use. */
public final class Masking {

    /** What personal data reads as once it was erased (S3). */
    public static final String ERASED = "[erased]";

    private Masking() {
    }

    /**
     * {@code 王芳} → {@code 王*}, {@code Анна Смирнова} → {@code А*** С*******}: the first letter of each word;
     * erased stays erased.
     */
    public static String name(String name) {
        if (name == null || name.isBlank() || ERASED.equals(name)) {
            return name;
        }
        StringBuilder masked = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (Character.isWhitespace(codePoint)) {
                masked.appendCodePoint(codePoint);
                first = true;
            } else {
                if (first) {
                    masked.appendCodePoint(codePoint);
                } else {
                    masked.append('*');
                }
                first = false;
            }
            i += Character.charCount(codePoint);
        }
        return masked.toString();
    }

    /** Personal data masked as what it is (S5). */
    public static String of(PersonalData.Kind kind, String text) {
        return switch (kind) {
            case NAME -> name(text);
            case PHONE -> phone(text);
            case DOCUMENT -> document(text);
        };
    }

    /** {@code 身份证 110101199003071234} → {@code *** ***************1234}: only the last four characters show. */
    public static String document(String document) {
        if (document == null || document.isBlank() || ERASED.equals(document)) {
            return document;
        }
        int keep = document.length() > 8 ? 4 : 0;
        StringBuilder masked = new StringBuilder();
        int end = document.length() - keep;
        for (int i = 0; i < end; i++) {
            masked.append(Character.isWhitespace(document.charAt(i)) ? ' ' : '*');
        }
        return masked.append(document, end, document.length()).toString();
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank() || ERASED.equals(phone)) {
            return phone == null || phone.isBlank() ? null : phone;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() <= 6) {
            return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
