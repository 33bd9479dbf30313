package com.kefu.broadcast;

import java.util.HashMap;
import java.util.Map;

/** Test data: script bodies as a broadcaster drafts them. */
public final class Scripts {

    public static final String TEXT_ZH = "亲爱的顾客朋友们，欢迎光临贸易城！本商城营业时间为上午九点至晚上九点。";
    public static final String TEXT_RU = "Уважаемые покупатели, добро пожаловать в торговый центр! "
            + "Мы работаем с девяти утра до девяти вечера.";

    private Scripts() {
    }

    public static Map<String, Object> opening(String title) {
        return new HashMap<>(Map.of(
                "title", title,
                "programme", "OPENING",
                "textZh", TEXT_ZH,
                "textRu", TEXT_RU));
    }

    /** A script of another programme, e.g. PROMOTIONS, NOTICES. */
    public static Map<String, Object> of(String programme, String title) {
        Map<String, Object> body = opening(title);
        body.put("programme", programme);
        return body;
    }

    public static Map<String, Object> withoutRussian(String title) {
        Map<String, Object> body = opening(title);
        body.remove("textRu");
        return body;
    }

    public static Map<String, Object> russianInTheChineseText(String title) {
        Map<String, Object> body = opening(title);
        body.put("textZh", TEXT_RU);
        return body;
    }
}
