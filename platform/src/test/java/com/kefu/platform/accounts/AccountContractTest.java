package com.kefu.platform.accounts;

import com.kefu.platform.contracts.accounts.AccountTopics;
import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountContractTest {

    private static final List<String> TYPES = List.of("AccountCreated", "AccountRoleSet", "AccountDisabled",
            "AccountEnabled", "AccountPasswordChanged", "AccountLocked", "AccountEmailSet");

    @Test
    @DisplayName("the gateway's account events on account.events each have a JSON schema that matches them")
    void schemasMatchTheEvents() throws Exception {
        Map<String, Object> values = new HashMap<>();
        for (String type : TYPES) {
            values.put(type + ".username", "clerk-1");
            values.put(type + ".role", "DEPARTMENT");
            values.put(type + ".department", "security");
        }
        assertThat(PublishedEventSchemas.check("com.kefu.platform.contracts.accounts", AccountTopics.EVENTS, values))
                .containsExactlyInAnyOrderElementsOf(TYPES);
    }
}
