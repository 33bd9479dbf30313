package com.kefu.membership.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Membership card numbers (M1): {@code 8}, the next value of a PostgreSQL sequence as ten digits, and a Luhn
 * check digit, so that a mistyped or misread card number is caught at the desk instead of finding the wrong
 * member. The sequence keeps numbers unique across instances without a lock and never hands one out twice.
 */
@Component
public class CardNumbers {

    static final String PREFIX = "8";

    private final JdbcTemplate jdbc;

    public CardNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        Long value = jdbc.queryForObject("select nextval('member_card_number')", Long.class);
        String payload = PREFIX + "%010d".formatted(value);
        return payload + checkDigit(payload);
    }

    /** The Luhn digit that makes {@code payload} followed by it a valid number. */
    static int checkDigit(String payload) {
        int sum = 0;
        // the check digit will stand rightmost, so the payload's rightmost digit is the first one doubled
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = Character.digit(payload.charAt(i), 10);
            if (digit < 0) {
                throw new IllegalArgumentException("a card number has digits only: " + payload);
            }
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code cardNumber} is the Luhn check digit of the others. */
    public static boolean isValid(String cardNumber) {
        if (cardNumber == null || !cardNumber.matches("[0-9]{2,}")) {
            return false;
        }
        int last = cardNumber.length() - 1;
        return checkDigit(cardNumber.substring(0, last)) == Character.digit(cardNumber.charAt(last), 10);
    }
}
