package com.kefu.complaint.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.ComplaintApplication;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.command.DeadlineWatch;
import com.kefu.platform.cluster.Instances;
import com.kefu.platform.cluster.SegmentBalancer;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ReadBack;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6 two instances of complaint-service on one database share the work: each streaming processor's segments are split
 * between them, the one left takes them all when the other stops, and the deadline watch runs on one instance at a time
 * (the other skips its run while one checks), its effect once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kefu.complaints.scheduling=false", "kefu.processors.balance-interval=1s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedWorkTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

    @Autowired
    Environment environment;

    @Autowired
    MutableClock clock;

    @Autowired
    SegmentBalancer balancer;

    @Autowired
    Instances instances;

    @Autowired
    DeadlineWatch watch;

    /** Started once (a service takes a while to start), stopped by the last test. */
    private static ConfigurableApplicationContext second;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(2)
    @DisplayName("R6 two instances split every processor's segments; the one left takes them all once the other stops")
    void segmentsAreShared() {
        Map<String, List<Integer>> processors = balancer.held();
        assertThat(processors).isNotEmpty();
        startSecondInstance();
        SegmentBalancer other = second.getBean(SegmentBalancer.class);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, List<Integer>> here = balancer.held();
            Map<String, List<Integer>> there = other.held();
            for (String processor : processors.keySet()) {
                assertThat(here.get(processor)).as(processor + " here").hasSize(2);
                assertThat(there.get(processor)).as(processor + " there").hasSize(2);
                assertThat(here.get(processor)).doesNotContainAnyElementsOf(there.get(processor));
            }
        });
        System.out.printf("R6 segments: here %s, there %s%n", balancer.held(), other.held());

        second.close();
        second = null;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String processor : processors.keySet()) {
                assertThat(balancer.held().get(processor)).as(processor).hasSize(4);
            }
        });
    }

    @Test
    @Order(1)
    @DisplayName("R6 C10 while one instance checks the deadlines the other skips its check; a missed stage is recorded once")
    void deadlineWatchOncePerCluster() throws Exception {
        startSecondInstance();
        ReadBack calls = new ReadBack(api());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(calls.write(DESK, "/api/complaints", Complaints.phoneCall("两个实例 " + i)).get("id").asText());
        }
        clock.advance(Duration.ofHours(5)); // NORMAL may stay RECEIVED for 4 h

        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> here = CompletableFuture.supplyAsync(() -> instances.once(
                "complaint-deadline-watch", () -> {
                    checking.countDown();
                    try {
                        done.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                }).orElse(-1));
        assertThat(checking.await(30, TimeUnit.SECONDS)).isTrue();
        DeadlineWatch otherWatch = second.getBean(DeadlineWatch.class);
        int whileHeld = otherWatch.check();
        done.countDown();
        assertThat(here.get(30, TimeUnit.SECONDS)).isZero();
        int after = otherWatch.check();
        int again = watch.check();
        System.out.printf("R6 deadline watch: %d found while the other instance checked, %d after, %d again%n",
                whileHeld, after, again);

        assertThat(whileHeld).isZero();
        assertThat(after).isGreaterThanOrEqualTo(ids.size());
        for (String id : ids) {
            List<String> missed = new ArrayList<>();
            for (JsonNode entry : calls.read(Tokens.bearer("auditor", "AUDITOR"), "/api/complaints/" + id + "/history")) {
                if (entry.get("type").asText().equals("ComplaintDeadlineMissed")) {
                    missed.add(entry.get("data").get("stage").asText());
                }
            }
            assertThat(missed).as(id).containsExactly("RECEIVED");
        }
    }

    /** A second complaint-service on this test's database, broker and clock, unless it runs. */
    private void startSecondInstance() {
        if (second != null) {
            return;
        }
        Clock sameClock = clock;
        List<String> settings = new ArrayList<>(List.of("--server.port=0",
                "--kefu.security.public-key=classpath:local-keys/jwt-public.pem",
                "--kefu.complaints.scheduling=false", "--kefu.processors.balance-interval=1s"));
        for (String shared : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.kafka.consumer.group-id", "kefu.search.secret")) {
            settings.add("--" + shared + "=" + environment.getRequiredProperty(shared));
        }
        second = new SpringApplicationBuilder(ComplaintApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("sameClock", Clock.class,
                        () -> sameClock, definition -> definition.setPrimary(true)))
                .run(settings.toArray(String[]::new));
    }
}
