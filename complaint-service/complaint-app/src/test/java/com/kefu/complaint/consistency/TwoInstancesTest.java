package com.kefu.complaint.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.ComplaintApplication;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ReadBack;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5 two instances of complaint-service on one database write the same complaint at once: neither answers 500. A
 * command that lost the race to the other instance's write (the event store's unique key on aggregate and sequence) is
 * run again on the complaint as it now is, or refused with 409 {@code concurrent-update}; every acknowledged write is
 * in the history exactly once, and no refused one.
 */
class TwoInstancesTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String SECURITY = Tokens.departmentBearer("security", "security");
    private static final int NOTES_EACH = 40;

    private static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;

    @Autowired
    MutableClock clock;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @DisplayName("R5 two instances adding progress notes to one complaint at once: no 500, each acknowledged note once")
    void concurrentWritesFromTwoInstances() throws Exception {
        RestClient first = api();
        RestClient other = Api.client(startSecondInstance());
        ReadBack calls = new ReadBack(first);
        String c = "/api/complaints/" + calls.write(DESK, "/api/complaints", Complaints.phoneCall("两个实例"))
                .get("id").asText();
        calls.write(AFTER_SALES, c + "/assign", Map.of("department", "security"));
        calls.write(SECURITY, c + "/acknowledge", Map.of());

        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                RestClient instance = writer % 2 == 0 ? first : other;
                int w = writer;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < NOTES_EACH; i++) {
                        String note = "writer " + w + " note " + i;
                        var answer = instance.post().uri(c + "/progress")
                                .header(HttpHeaders.AUTHORIZATION, SECURITY)
                                .contentType(MediaType.APPLICATION_JSON).body(Map.of("note", note))
                                .retrieve().toEntity(JsonNode.class);
                        int status = answer.getStatusCode().value();
                        statuses.add(status);
                        if (answer.getStatusCode().is2xxSuccessful()) {
                            acknowledged.add(note);
                        } else if (status == 409) {
                            assertThat(answer.getBody().get("type").asText())
                                    .isEqualTo("urn:kefu:problem:concurrent-update");
                            refused.add(note);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        System.out.printf("R5 two instances: %d notes acknowledged, %d refused (409), statuses %s%n",
                acknowledged.size(), refused.size(), statuses.stream().distinct().sorted().toList());
        assertThat(statuses).allMatch(status -> status < 500);
        assertThat(acknowledged.size() + refused.size()).isEqualTo(4 * NOTES_EACH);
        List<String> written = new ArrayList<>();
        for (JsonNode entry : calls.read(AFTER_SALES, c + "/history")) {
            if (entry.path("data").has("note")) {
                written.add(entry.get("data").get("note").asText());
            }
        }
        assertThat(written).filteredOn(note -> note.startsWith("writer ")).containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    /** A second complaint-service on this test's database, broker and clock; answers its port. */
    private int startSecondInstance() {
        Clock sameClock = clock;
        List<String> settings = new ArrayList<>(List.of("--server.port=0",
                "--kefu.security.public-key=classpath:local-keys/jwt-public.pem"));
        for (String shared : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.kafka.consumer.group-id", "kefu.search.secret")) {
            settings.add("--" + shared + "=" + environment.getRequiredProperty(shared));
        }
        second = new SpringApplicationBuilder(ComplaintApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("sameClock", Clock.class,
                        () -> sameClock, definition -> definition.setPrimary(true)))
                .run(settings.toArray(String[]::new));
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }
}
