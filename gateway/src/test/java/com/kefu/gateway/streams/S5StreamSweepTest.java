package com.kefu.gateway.streams;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.test.Endpoints;
import com.kefu.platform.test.Endpoints.Endpoint;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.PersonalDataSweep;
import com.kefu.platform.test.RoleRule;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * S5 over the gateway's live streams: every stream of {@code /api/streams} (from the handler mappings) opened as each
 * of the nine roles, for every department, while the topics carry a complaint's and an enquiry's customer with
 * distinctive values in every place of a person: their name, and their phone where the contract holds its masked
 * form, in clear, as a relay that forgot to mask would publish them. No event of any stream, no refusal, may hold a
 * clear value: the streams tell what happens to complaints and incidents, never whose they are (PD1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kefu.streams.heartbeat=1s")
@ActiveProfiles("local")
class S5StreamSweepTest {

    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");
    private static final List<String> DEPARTMENTS = List.of("security", "engineering");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final Published complaints = new Published(COMPLAINTS);
    private final Published dutyLog = new Published(DUTYLOG);

    @Test
    @DisplayName("S5 PD1 every live stream of the gateway as every role, for every department: a customer's name and "
            + "phone put on the topics in clear show in no event")
    void noStreamShowsAPersonsData() {
        String name = PersonalDataSweep.distinct("欧阳娜娜");
        String phone = PersonalDataSweep.newPhone("136");
        String enquirer = PersonalDataSweep.distinct("Мария Соколова");
        String enquirerPhone = PersonalDataSweep.newPhone("135");
        List<String> clear = List.of(name, phone, enquirer, enquirerPhone);

        List<Endpoint> streams = Endpoints.of(context).stream()
                .filter(endpoint -> endpoint.pattern().startsWith("/api/streams/")).toList();
        assertThat(streams).extracting(Endpoint::pattern).contains("/api/streams/departments/{department}",
                "/api/streams/dashboard", "/api/streams/notices");
        Map<String, SseClient> open = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Endpoint stream : streams) {
            List<String> uris = stream.pathVariables().isEmpty() ? List.of(stream.pattern())
                    : DEPARTMENTS.stream().map(department -> stream.path(Map.of("department", department))).toList();
            for (String uri : uris) {
                for (String role : RoleRule.ROLES) {
                    SseClient client = SseClient.open("http://127.0.0.1:" + port + uri, Tokens.of(role), null);
                    if (client.status() == 200) {
                        open.put(role + " " + uri, client);
                    } else {
                        client.close();
                    }
                }
            }
        }
        assertThat(open).containsKeys("DEPARTMENT /api/streams/departments/security", "CS_HEAD /api/streams/dashboard",
                "CS_MANAGER /api/streams/notices");
        try {
            String complaint = Published.newComplaintId();
            complaints.event(complaint, new ComplaintReceivedEvent(complaint, Published.numberOf(complaint),
                    Channel.PHONE, Category.FACILITY, Severity.NORMAL, Priority.NORMAL,
                    new CustomerReference(name, phone, null), null, "空调不制冷", "3楼 A-1024", "desk",
                    Instant.now(), null));
            complaints.assigned(complaint, "security");
            complaints.resolved(complaint, "security");
            complaints.reopened(complaint, "security");
            complaints.deadlineMissed(complaint, "security", Instant.now());
            String enquiry = UUID.randomUUID().toString();
            complaints.event(enquiry, new EnquiryReceivedEvent(enquiry, "ZX-TEST", Channel.PHONE,
                    EnquiryStage.AFTER_SALE, new CustomerReference(enquirer, enquirerPhone, null), "发票?", "desk",
                    Instant.now()));
            String incident = UUID.randomUUID().toString();
            dutyLog.guestTakenIll(incident);
            complaints.archived(complaint);

            // the sweep reached what it seeded: the department saw the complaint to its archiving, the managers the
            // notice
            SseClient security = open.get("DEPARTMENT /api/streams/departments/security");
            List<SseClient.Event> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                seen.addAll(security.drain(Duration.ofMillis(200)));
                assertThat(seen).extracting(SseClient.Event::name).contains("complaint-archived");
            });
            List<SseClient.Event> told = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                told.addAll(open.get("CS_MANAGER /api/streams/notices").drain(Duration.ofMillis(200)));
                assertThat(told).extracting(SseClient.Event::data).anyMatch(data -> data.contains(incident));
            });
            Map<String, List<SseClient.Event>> events = new LinkedHashMap<>();
            events.put("DEPARTMENT /api/streams/departments/security", seen);
            events.put("CS_MANAGER /api/streams/notices", told);
            open.forEach((key, client) -> events.computeIfAbsent(key, k -> new ArrayList<>())
                    .addAll(client.drain(Duration.ofMillis(1500))));
            assertThat(events.values().stream().mapToInt(List::size).sum()).isGreaterThan(open.size());
            events.forEach((key, list) -> list.forEach(event -> clear.stream().filter(event.data()::contains)
                    .forEach(value -> problems.add(key + " sent " + event.name() + " with " + value + " in clear: "
                            + event.data()))));
        } finally {
            open.values().forEach(SseClient::close);
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " findings of the sweep of the gateway's streams (" + open.size()
                    + " streams open):\n" + String.join("\n", problems));
        }
    }
}
