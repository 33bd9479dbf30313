package com.kefu.broadcast.consistency;

import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.platform.test.ReadBack;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R1 a read by id right after a 2xx write shows the write: no wait, no retry, 100 times in a row (the views are
 * kept in the command's own transaction).
 */
class ReadYourWritesTest extends ServiceTest {

    private ReadBack calls;

    @BeforeEach
    void client() {
        calls = new ReadBack(api());
    }

    @Test
    @DisplayName("R1 a script drafted, submitted, approved and revised reads back at once, 100 times; each write answers "
            + "the script's new version")
    void scriptReadsBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String s = "/api/scripts/" + calls.write(Calls.BROADCASTER, "/api/scripts", Scripts.opening("read back " + i))
                    .get("id").asText();
            long drafted = calls.lastVersion();
            assertThat(calls.read(Calls.AUDITOR, s).get("status").asText()).isEqualTo("DRAFT");
            calls.write(Calls.BROADCASTER, s + "/submit", null);
            long submitted = calls.lastVersion();
            assertThat(submitted).isGreaterThan(drafted);
            assertThat(calls.read(Calls.AUDITOR, s).get("status").asText()).isEqualTo("SUBMITTED");
            calls.write(Calls.SUPERVISOR, s + "/approve", Map.of());
            assertThat(calls.lastVersion()).isGreaterThan(submitted);
            assertThat(calls.read(Calls.AUDITOR, s).get("status").asText()).isEqualTo("APPROVED");
            calls.write(HttpMethod.PUT, Calls.BROADCASTER, s, Scripts.opening("revised " + i));
            assertThat(calls.read(Calls.AUDITOR, s).get("title").asText()).isEqualTo("revised " + i);
        }
    }
}
