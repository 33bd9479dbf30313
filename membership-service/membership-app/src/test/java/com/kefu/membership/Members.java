package com.kefu.membership;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: member registration bodies as the desk fills them in. */
public final class Members {

    public static final String PHONE = "13812345678";
    public static final String MASKED_PHONE = "138****5678";

    /** one active membership per phone: every other body gets a phone of its own */
    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 100_000_000L);

    private Members() {
    }

    /** A phone number no other body of this JVM has. */
    public static String newPhone() {
        return "139" + "%08d".formatted(PHONES.incrementAndGet() % 100_000_000L);
    }

    public static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public static Map<String, Object> gold(String name) {
        return new HashMap<>(Map.of("name", name, "phone", newPhone(), "tier", "GOLD"));
    }

    public static Map<String, Object> withTier(String name, String tier) {
        Map<String, Object> body = gold(name);
        body.put("tier", tier);
        return body;
    }
}
