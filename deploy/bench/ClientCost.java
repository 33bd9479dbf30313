import com.kefu.deploy.IntakeBenchmark;
import com.kefu.deploy.LoadConnection;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU of the benchmark's load per registration: 16 clients on the JDK's HttpClient against 16 on LoadConnection (what
 * path.sh uses), taking turns for SECONDS each, two rounds (the first one warms the JIT), against a running system.
 * usage, after ./mvnw -q -B -o -pl deploy -am package -DskipTests, with TOKEN a desk user's token (see intake.lua):
 *   java -cp "deploy/target/classes:deploy/target/lib/*" deploy/bench/ClientCost.java http://127.0.0.1:8081 "$TOKEN" 20
 */
public class ClientCost {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int seconds = Integer.parseInt(args[2]);
        for (int round = 0; round < 2; round++) {
            for (String client : List.of("jdk", "socket")) {
                run(client, base, token, seconds);
            }
        }
    }

    static void run(String client, String base, String token, int seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger registered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long cpu = os.getProcessCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            clients.add(pool.submit(() -> {
                try (LoadConnection connection = new LoadConnection(base)) {
                    while (System.nanoTime() < end) {
                        String body = IntakeBenchmark.complaint();
                        int status = client.equals("socket") ? connection.post("/api/complaints", token, body)
                                : http.send(HttpRequest.newBuilder(URI.create(base + "/api/complaints"))
                                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                        .header("Authorization", "Bearer " + token)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode();
                        if (status == 201) {
                            registered.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : clients) {
            each.get();
        }
        pool.shutdown();
        System.out.printf("%-6s %5d registrations, %.0f/s, load CPU %.3f ms per registration%n", client,
                registered.get(), registered.get() / (double) seconds,
                (os.getProcessCpuTime() - cpu) / 1e6 / Math.max(registered.get(), 1));
    }
}
