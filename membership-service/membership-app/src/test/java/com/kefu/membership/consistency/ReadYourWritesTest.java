package com.kefu.membership.consistency;

import com.kefu.membership.Members;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.ReadBack;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R1 a read by id right after a 2xx write shows the write: no wait, no retry, 100 times in a row (the views are
 * kept in the command's own transaction).
 */
class ReadYourWritesTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    private ReadBack calls;

    @BeforeEach
    void client() {
        calls = new ReadBack(api());
    }

    @Test
    @DisplayName("R1 a member registered, given points and a gift reads back at once, and so does the campaign, 100 times; "
            + "each write answers its record's new version")
    void memberReadsBackAtOnce() {
        String c = "/api/campaigns/" + calls.write(AFTER_SALES, "/api/campaigns", Map.of("name", "圣诞节",
                "item", "纪念杯", "stock", 100, "perMemberLimit", 1)).get("id").asText();
        long campaign = calls.lastVersion();
        for (int i = 0; i < 100; i++) {
            String m = "/api/members/" + calls.write(AFTER_SALES, "/api/members", Members.gold("read back " + i))
                    .get("id").asText();
            long registered = calls.lastVersion();
            assertThat(calls.read(AFTER_SALES, m).get("name").asText()).isEqualTo(Masking.name("read back " + i));

            calls.write(AFTER_SALES, m + "/points", Map.of("delta", 10 + i, "reason", "购物"));
            assertThat(calls.lastVersion()).isGreaterThan(registered);
            assertThat(calls.read(AFTER_SALES, m).get("points").asLong()).isEqualTo(10 + i);

            calls.write(AFTER_SALES, c + "/handouts", Map.of("memberId", m.substring(m.lastIndexOf('/') + 1)));
            assertThat(calls.lastVersion()).as("the campaign's").isGreaterThan(campaign);
            campaign = calls.lastVersion();
            assertThat(calls.read(AFTER_SALES, m).get("gifts").findValues("quantity")).hasSize(1);
            assertThat(calls.read(AFTER_SALES, c).get("handedOut").asInt()).isEqualTo(i + 1);
        }
    }
}
