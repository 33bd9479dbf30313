package com.kefu.gateway.proxy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R6 the gateway's requests to a service by name go to its instances in turn, over real HTTP: both take requests
 * while both run; while one is down every request, a POST with its body too, goes to the other; with none up the
 * request fails as a refused connection (the gateway's 503 with {@code Retry-After}).
 */
class ServiceInstancesTest {

    private final List<HttpServer> servers = new ArrayList<>();
    /** Instances whose readiness check hangs, as a frozen process's would. */
    private final Set<String> hung = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    @DisplayName("R6 requests to a service alternate between its instances, and pass over one that is down")
    void balancesAndPassesOverADeadInstance() throws IOException {
        URI first = instance("first");
        URI second = instance("second");
        ServiceInstances instances = new ServiceInstances(
                ClientHttpRequestFactoryBuilder.httpComponents().build(ClientHttpRequestFactorySettings.defaults()),
                Map.of("complaint-service", List.of(first, second)), Clock.systemUTC(), Duration.ofSeconds(5));

        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            answered.merge(post(instances, "body " + i), 1, Integer::sum);
        }
        assertThat(answered).containsEntry("first:body", 5).containsEntry("second:body", 5);

        servers.get(0).stop(0);
        // a pooled connection to the stopped instance is looked at before reuse once idle 2 s (HttpClient's default):
        // a request that went out on it could have been taken, and would be a 503, not sent again
        sleep(Duration.ofMillis(2500));
        answered.clear();
        for (int i = 0; i < 10; i++) {
            answered.merge(post(instances, "body " + i), 1, Integer::sum);
        }
        assertThat(answered).containsOnlyKeys("second:body").containsEntry("second:body", 10);

        servers.get(1).stop(0);
        assertThatThrownBy(() -> post(instances, "none")).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("R6 an instance that is alive but does not say it is ready in time (hung, frozen) is passed over until "
            + "it does again")
    void passesOverAnInstanceThatIsNotReady() throws IOException {
        URI first = instance("first");
        URI second = instance("second");
        ServiceInstances instances = new ServiceInstances(
                ClientHttpRequestFactoryBuilder.httpComponents().build(ClientHttpRequestFactorySettings.defaults()),
                Map.of("complaint-service", List.of(first, second)), Clock.systemUTC(), Duration.ofSeconds(5));
        InstanceHealth health = new InstanceHealth(instances, Duration.ofSeconds(2), Duration.ofMillis(300));

        health.check();
        assertThat(answers(instances)).containsEntry("first:body", 5).containsEntry("second:body", 5);

        hung.add("first");
        health.check();
        assertThat(answers(instances)).containsOnlyKeys("second:body");

        hung.remove("first");
        health.check();
        assertThat(answers(instances)).containsEntry("first:body", 5).containsEntry("second:body", 5);
    }

    private static Map<String, Integer> answers(ServiceInstances instances) throws IOException {
        Map<String, Integer> answered = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            answered.merge(post(instances, "body " + i), 1, Integer::sum);
        }
        return answered;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String post(ServiceInstances instances, String body) throws IOException {
        ClientHttpRequest request = instances.createRequest(URI.create("http://complaint-service/api/complaints?x=1"),
                HttpMethod.POST);
        ((StreamingHttpOutputMessage) request).setBody(out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
        try (ClientHttpResponse response = request.execute()) {
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf(':')) + ":" + (answer.contains(":body ") ? "body" : answer);
        }
    }

    /** A server that answers every request with its name and the body it got. */
    private URI instance(String name) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/complaints", exchange -> {
            byte[] got = exchange.getRequestBody().readAllBytes();
            byte[] answer = (name + ":" + new String(got, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/readyz", exchange -> {
            if (hung.contains(name)) {
                sleep(Duration.ofSeconds(2));
            }
            byte[] answer = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + port);
    }
}
