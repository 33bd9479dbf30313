package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Intake under concurrency, against real PostgreSQL and Kafka. */
class IntakeConcurrencyTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> register(String subject, String idempotencyKey) {
        var request = api()
                .post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Complaints.phoneCall(subject)).retrieve().toEntity(JsonNode.class);
    }

    private <T> List<T> concurrently(int times, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("C2 hundreds of concurrent intakes all get distinct complaint numbers")
    void numbersAreUnique() throws Exception {
        List<ResponseEntity<JsonNode>> responses = concurrently(300, () -> register("concurrent", null));
        Set<String> numbers = new HashSet<>();
        for (ResponseEntity<JsonNode> response : responses) {
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            numbers.add(response.getBody().get("number").asText());
        }
        assertThat(numbers).hasSize(300).allMatch(number -> number.matches("KF-\\d{6}-\\d{5}"));
    }

    @Test
    @DisplayName("C1 a retried intake with the same Idempotency-Key answers the first and registers nothing new")
    void retriesRegisterOnce() throws Exception {
        String subject = "double click " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        List<ResponseEntity<JsonNode>> responses = concurrently(8, () -> register(subject, key));
        responses.add(register(subject, key));
        Set<String> ids = new HashSet<>();
        responses.forEach(response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            ids.add(response.getBody().get("id").asText());
        });
        assertThat(ids).hasSize(1);

        String other = register(subject, UUID.randomUUID().toString()).getBody().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from complaint_view where id = ?", Integer.class, other) == 1);
        assertThat(jdbc.queryForObject("select count(*) from complaint_view where subject = ?", Integer.class,
                subject)).isEqualTo(2);
    }
}
