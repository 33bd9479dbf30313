import com.kefu.platform.ids.RandomIdentifiers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;

/**
 * CPU per UUID: one 16-byte draw of the thread's DRBG per UUID (as RandomIdentifiers did before), against
 * RandomIdentifiers.uuid() (64 UUIDs per draw). Five rounds: the first ones show the cold JVM, the last ones warm code.
 * usage, after ./mvnw -q -B -o -pl platform compile (Axon's IdentifierFactory and slf4j on the class path):
 *   java -cp "platform/target/classes:$HOME/.m2/repository/org/axonframework/axon-messaging/4.13.0/axon-messaging-4.13.0.jar:$HOME/.m2/repository/org/slf4j/slf4j-api/2.0.7/slf4j-api-2.0.7.jar" deploy/bench/UuidBench.java
 */
public class UuidBench {

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SecureRandom random = RandomIdentifiers.random();
        int n = 500_000;
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                sink += bytes[3];
            }
            long single = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += RandomIdentifiers.uuid().getLeastSignificantBits();
            }
            long drawn = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: a draw per UUID %.3f us of CPU per UUID, 64 per draw %.3f us%n", round,
                    (single - start) / 1e3 / n, (drawn - single) / 1e3 / n);
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
