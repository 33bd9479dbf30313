package com.kefu.broadcast.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two languages every broadcast is read in (B2, 中俄双语), written as their codes {@code zh} and {@code ru}. */
public enum Language {
    ZH("zh"), RU("ru");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("language must be zh or ru, not " + code);
    }
}
