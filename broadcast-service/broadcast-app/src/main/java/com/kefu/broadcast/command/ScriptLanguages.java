package com.kefu.broadcast.command;

import com.kefu.platform.rules.RuleViolation;

import java.lang.Character.UnicodeScript;

/**
 * Tells the two languages of a script apart by their writing systems (B2): Chinese is written in Han
 * characters, Russian in Cyrillic letters. Latin letters, digits and punctuation belong to neither, since
 * both texts may carry shop numbers, brand names and times.
 */
public final class ScriptLanguages {

    public static final String BILINGUAL = "bilingual-script";

    private ScriptLanguages() {
    }

    public static boolean hasHan(String text) {
        return text != null && text.codePoints()
                .anyMatch(c -> UnicodeScript.of(c) == UnicodeScript.HAN);
    }

    public static boolean hasCyrillic(String text) {
        return text != null && text.codePoints()
                .anyMatch(c -> Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.CYRILLIC);
    }

    /** Chinese, and only Chinese: a Russian sentence in it would be read out in the wrong language. */
    public static boolean isChinese(String text) {
        return hasHan(text) && !hasCyrillic(text);
    }

    /** Russian, and only Russian. */
    public static boolean isRussian(String text) {
        return hasCyrillic(text) && !hasHan(text);
    }

    /** The rule itself (B2), for every way a text comes in: a Chinese text and a Russian text, each in its script. */
    public static void requireBilingual(String textZh, String textRu) {
        if (!isChinese(textZh)) {
            throw new RuleViolation(BILINGUAL,
                    "a script needs a Chinese text in Han characters, without Russian in it (B2)");
        }
        if (!isRussian(textRu)) {
            throw new RuleViolation(BILINGUAL,
                    "a script needs a Russian text in Cyrillic letters, without Chinese in it (B2)");
        }
    }
}
