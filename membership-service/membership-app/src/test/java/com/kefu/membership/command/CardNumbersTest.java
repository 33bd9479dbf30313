package com.kefu.membership.command;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CardNumbersTest {

    @Test
    @DisplayName("M1 the check digit is Luhn's: the textbook example and card numbers of the form 8 + ten digits")
    void computesTheLuhnDigit() {
        assertThat(CardNumbers.checkDigit("7992739871")).isEqualTo(3);
        assertThat(CardNumbers.checkDigit("80000000000")).isEqualTo(3);
        assertThat(CardNumbers.checkDigit("80000000001")).isEqualTo(1);
        assertThat(CardNumbers.checkDigit("80000000042")).isEqualTo(5);
        assertThat(CardNumbers.checkDigit("80012345678")).isEqualTo(5);
    }

    @Test
    @DisplayName("M1 a card number with one digit mistyped or two neighbours swapped is not valid")
    void catchesTypingMistakes() {
        String card = "800123456785";
        assertThat(CardNumbers.isValid(card)).isTrue();
        for (int i = 0; i < card.length(); i++) {
            int digit = card.charAt(i) - '0';
            String mistyped = card.substring(0, i) + (digit + 1) % 10 + card.substring(i + 1);
            assertThat(CardNumbers.isValid(mistyped)).as(mistyped).isFalse();
        }
        assertThat(CardNumbers.isValid("800213456785")).isFalse();
        assertThat(CardNumbers.isValid("80012345678X")).isFalse();
        assertThat(CardNumbers.isValid(null)).isFalse();
    }

    @Test
    @DisplayName("M1 only digits have a check digit")
    void refusesNonDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> CardNumbers.checkDigit("8A"));
    }
}
