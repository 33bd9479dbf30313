package com.kefu.platform.search;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    @DisplayName("a text is normalised alike in every language: NFKC, lower case, ё as е, one space")
    void normalises() {
        assertThat(SearchText.normalise("  Ёлка  ＴＳ－２０２６\tСЧЁТ ")).isEqualTo("елка ts-2026 счет");
        assertThat(SearchText.normalise(null)).isEmpty();
    }

    @Test
    @DisplayName("a text's grams are its characters and their pairs within a word, Chinese, Russian and Latin alike")
    void grams() {
        assertThat(SearchText.grams("空调 не ok")).containsExactlyInAnyOrder(
                "空", "调", "空调", "н", "е", "не", "o", "k", "ok");
    }

    @Test
    @DisplayName("a query's words ask for their pairs; a one-character word for itself; every query gram is a text's")
    void queryGrams() {
        assertThat(SearchText.queryGrams("制冷")).containsExactly("制冷");
        assertThat(SearchText.queryGrams("伞")).containsExactly("伞");
        assertThat(SearchText.queryGrams("шум")).containsExactly("шу", "ум");
        assertThat(SearchText.grams(SearchText.normalise("空调不制冷，有шум")))
                .containsAll(SearchText.queryGrams("不制冷")).containsAll(SearchText.queryGrams("шум"));
        assertThat(SearchText.terms(" 空调  Шум ")).containsExactly("空调", "шум");
    }

    @Test
    @DisplayName("a phone number is its last ten digits: country codes, trunk prefixes and separators do not matter")
    void phoneKey() {
        assertThat(SearchText.phoneKey("+86 138-0013-8000")).isEqualTo(SearchText.phoneKey("13800138000"));
        assertThat(SearchText.phoneKey("+7 (912) 345-67-89")).isEqualTo(SearchText.phoneKey("8 912 345 67 89"));
        assertThat(SearchText.phoneKey("１３８００１３８０００")).isEqualTo(SearchText.phoneKey("13800138000"));
        assertThat(SearchText.phoneKey("1508")).isNull();
        assertThat(SearchText.phoneKey("13800138000")).isNotEqualTo(SearchText.phoneKey("13800138001"));
    }

    @Test
    @DisplayName("a full name is its words in order, whatever their order, case and spacing")
    void nameKey() {
        assertThat(SearchText.nameKey("Соколова  Мария")).isEqualTo(SearchText.nameKey("мария соколова"));
        assertThat(SearchText.nameKey("王小明")).isEqualTo("王小明");
        assertThat(SearchText.nameKey("王小明")).isNotEqualTo(SearchText.nameKey("王"));
        assertThat(SearchText.nameKey("138 0013")).isNull();
    }
}
