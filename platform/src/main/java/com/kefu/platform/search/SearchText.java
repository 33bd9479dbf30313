package com.kefu.platform.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the search index keeps of a text and asks of a query, worked out here rather than by the database, so that
 * Chinese and Russian are searched alike whatever locale the database was created with: PostgreSQL's {@code pg_trgm}
 * (and its {@code lower()}) treats every character outside ASCII as a word separator when {@code LC_CTYPE} is
 * {@code C}, the locale CloudNativePG creates its clusters with (README, "Search").
 * <p>
 * A text is normalised (NFKC, so full-width digits and letters are the ASCII ones; lower case; ё as е; runs of white
 * space as one space) and indexed by the grams of its words (runs of letters and digits): every single character and
 * every pair of neighbours. Chinese is written without spaces and its words are mostly two characters long, so a pair
 * is the smallest unit a query names; a query's words ask for their pairs (a one-character word for itself), and the
 * rows those find are checked for the words themselves.
 */
public final class SearchText {

    private SearchText() {
    }

    /** NFKC, lower case (locale-free), ё as е, white space collapsed; null as the empty text. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        return folded.replaceAll("\\s+", " ").strip();
    }

    /** The grams of a normalised text: every letter or digit, and every pair of neighbours within a word. */
    public static Set<String> grams(String normalised) {
        Set<String> grams = new LinkedHashSet<>();
        for (int[] word : words(normalised)) {
            for (int i = 0; i < word.length; i++) {
                grams.add(Character.toString(word[i]));
                if (i + 1 < word.length) {
                    grams.add(new String(word, i, 2));
                }
            }
        }
        return grams;
    }

    /** The grams a text holding the normalised term must have: its words' pairs, a one-character word itself. */
    public static Set<String> queryGrams(String normalisedTerm) {
        Set<String> grams = new LinkedHashSet<>();
        for (int[] word : words(normalisedTerm)) {
            if (word.length == 1) {
                grams.add(Character.toString(word[0]));
            }
            for (int i = 0; i + 1 < word.length; i++) {
                grams.add(new String(word, i, 2));
            }
        }
        return grams;
    }

    /** The terms of a query: its normalised parts between spaces, each of which a text must hold. */
    public static List<String> terms(String query) {
        String normalised = normalise(query);
        return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
    }

    /** Whether the text holds a letter or a digit (a query that does not finds nothing by its text). */
    public static boolean hasWord(String text) {
        return !words(normalise(text)).isEmpty();
    }

    /**
     * A phone number as it is searched for: its digits (full-width ones too), the last ten of them, so that a country
     * code or a trunk prefix does not matter ({@code +86 138 0013 8000} and {@code 13800138000}; {@code +7 912 345-67-89}
     * and {@code 8 (912) 345-67-89}); null when it has fewer than seven digits, which no phone number has.
     */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return null;
        }
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    /**
     * A full name as it is searched for: its normalised words in alphabetical order, so that {@code Соколова Мария}
     * finds {@code Мария Соколова}; {@code 王 小明} is {@code 王 小明}, not {@code 王小明}. Null for a text without
     * a letter.
     */
    public static String nameKey(String name) {
        String normalised = normalise(name);
        List<String> words = new ArrayList<>();
        for (String word : normalised.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty() || words.stream().noneMatch(word -> word.codePoints().anyMatch(Character::isLetter))) {
            return null;
        }
        return words.stream().sorted().collect(Collectors.joining(" "));
    }

    /** The runs of letters and digits of a normalised text, as code points. */
    private static List<int[]> words(String normalised) {
        List<int[]> words = new ArrayList<>();
        int[] codePoints = normalised.codePoints().toArray();
        int start = -1;
        for (int i = 0; i <= codePoints.length; i++) {
            boolean inWord = i < codePoints.length && Character.isLetterOrDigit(codePoints[i]);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(Arrays.copyOfRange(codePoints, start, i));
                start = -1;
            }
        }
        return words;
    }
}
