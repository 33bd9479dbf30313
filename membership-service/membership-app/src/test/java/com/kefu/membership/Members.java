package com.kefu.membership;

import java.util.HashMap;
import java.util.Map;

/** Test data: member registration bodies as the desk fills them in. */
public final class Members {

    public static final String PHONE = "13812345678";
    public static final String MASKED_PHONE = "138****5678";

    private Members() {
    }

    public static Map<String, Object> gold(String name) {
        return new HashMap<>(Map.of("name", name, "phone", PHONE, "tier", "GOLD"));
    }

    public static Map<String, Object> withTier(String name, String tier) {
        Map<String, Object> body = gold(name);
        body.put("tier", tier);
        return body;
    }
}
