package com.kefu.complaint.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
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

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String SECURITY = Tokens.departmentBearer("security", "security");

    private ReadBack calls;

    @BeforeEach
    void client() {
        calls = new ReadBack(api());
    }

    @Test
    @DisplayName("R1 a complaint registered, assigned, resolved, followed up and archived reads back at once, 100 times; "
            + "each write answers the complaint's new version")
    void complaintReadsBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String c = "/api/complaints/" + calls.write(DESK, "/api/complaints", Complaints.phoneCall("read back " + i))
                    .get("id").asText();
            assertThat(calls.lastVersion()).as("received: event 0").isZero();
            assertThat(calls.read(DESK, c).get("status").asText()).isEqualTo("RECEIVED");

            calls.write(AFTER_SALES, c + "/assign", Map.of("department", "security"));
            long assignedVersion = calls.lastVersion();
            assertThat(assignedVersion).isPositive();
            JsonNode assigned = calls.read(SECURITY, c);
            assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(assigned.get("department").asText()).isEqualTo("security");

            calls.write(SECURITY, c + "/acknowledge", Map.of());
            assertThat(calls.lastVersion()).isEqualTo(assignedVersion + 1);
            assertThat(calls.read(SECURITY, c).get("acknowledged").asBoolean()).isTrue();
            calls.write(SECURITY, c + "/resolve", Map.of("result", "已处理 " + i));
            assertThat(calls.read(AFTER_SALES, c).get("status").asText()).isEqualTo("RESOLVED");
            calls.write(AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 5, "comment", "满意"));
            assertThat(calls.read(AFTER_SALES, c).get("status").asText()).isEqualTo("FOLLOWED_UP");
            calls.write(AFTER_SALES, c + "/archive", null);
            assertThat(calls.lastVersion()).isEqualTo(assignedVersion + 4);
            assertThat(calls.read(AFTER_SALES, c).get("status").asText()).isEqualTo("ARCHIVED");
        }
    }

    @Test
    @DisplayName("R1 C14 an escalation acknowledged by the supervisor and their instructions read back at once, 100 "
            + "times, on the complaint and in the inbox")
    void supervisorStepsReadBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String id = calls.write(DESK, "/api/complaints", Complaints.major("read back " + i)).get("id").asText();
            String c = "/api/complaints/" + id;
            calls.write(AFTER_SALES, c + "/escalate", Map.of("reason", "重大 " + i));
            long escalatedVersion = calls.lastVersion();
            calls.write(SUPERVISOR, c + "/supervisor/acknowledgement", null);
            assertThat(calls.lastVersion()).isEqualTo(escalatedVersion + 1);
            assertThat(calls.read(SUPERVISOR, c).get("supervisor").get("acknowledgedBy").asText())
                    .isEqualTo("supervisor");
            calls.write(SUPERVISOR, c + "/supervisor/instructions", Map.of("instructions", "今天答复 " + i));
            assertThat(calls.lastVersion()).isEqualTo(escalatedVersion + 2);
            JsonNode instructions = calls.read(AFTER_SALES, c).get("supervisor").get("instructions");
            assertThat(instructions).hasSize(1);
            assertThat(instructions.get(0).get("text").asText()).isEqualTo("今天答复 " + i);
        }
    }

    @Test
    @DisplayName("R1 an enquiry registered, answered and archived reads back at once, 100 times")
    void enquiryReadsBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String e = "/api/enquiries/" + calls.write(DESK, "/api/enquiries", Map.of("channel", "PHONE",
                    "stage", "AFTER_SALE", "customerName", "李明", "question", "发票怎么开? " + i)).get("id").asText();
            assertThat(calls.read(DESK, e).get("status").asText()).isEqualTo("RECEIVED");
            calls.write(DESK, e + "/answer", Map.of("answer", "到一楼服务台"));
            assertThat(calls.read(DESK, e).get("status").asText()).isEqualTo("ANSWERED");
            calls.write(DESK, e + "/archive", null);
            assertThat(calls.read(DESK, e).get("status").asText()).isEqualTo("ARCHIVED");
        }
    }
}
