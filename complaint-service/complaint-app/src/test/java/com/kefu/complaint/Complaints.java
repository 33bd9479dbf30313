package com.kefu.complaint;

import java.util.Map;

/** Test data: complaint registration bodies. */
public final class Complaints {

    private Complaints() {
    }

    public static Map<String, Object> phoneCall(String subject) {
        return Map.of(
                "channel", "PHONE",
                "category", "SERVICE_ATTITUDE",
                "severity", "NORMAL",
                "customer", Map.of("name", "王芳", "phone", "13812345678"),
                "merchant", Map.of("shopNo", "A-1024", "name", "Чай и кофе"),
                "subject", subject,
                "description", "售货员态度恶劣 / грубый продавец");
    }

    public static Map<String, Object> major(String subject) {
        var body = new java.util.HashMap<>(phoneCall(subject));
        body.put("severity", "MAJOR");
        body.put("channel", "VISIT");
        return body;
    }
}
