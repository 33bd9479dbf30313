package com.kefu.deploy;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The one system the end-to-end tests of this JVM share: started once (real PostgreSQL, a real Kafka broker, the
 * services' jars, on ports shifted from the defaults so that a system you run yourself does not collide), stopped
 * when the JVM ends. {@code KEFU_E2E_GATEWAY_URL} points the browser tests at a system already running instead.
 */
public final class RunningSystem {

    public static final int GATEWAY_PORT = 18080;
    private static LocalSystem system;

    private RunningSystem() {
    }

    public static synchronized LocalSystem local() {
        if (system == null) {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path dataDir = root.resolve("deploy/target/e2e-" + UUID.randomUUID().toString().substring(0, 8));
            LocalSystem started = new LocalSystem(new LocalSystem.Settings(root, dataDir, 25432, 29092, null, "kefu",
                    "kefu", null, LocalSystem.Settings.allServices(GATEWAY_PORT)).notDurable()
                    .unsupervised()); // the tests stop processes, and will kill them, on purpose
            // URGENT (VIP) complaints may stay ASSIGNED 40 s here, not 4 h, looked at every 2 s: DueDatesTest sees the
            // warning at four fifths of the stage (C17) arrive; no other test keeps a VIP complaint assigned that long
            started.arguments("complaint-service", "--kefu.complaints.deadline.limits.URGENT.ASSIGNED=40s",
                    "--kefu.complaints.deadline.check=2s");
            started.serviceJvmOptions("-XX:TieredStopAtLevel=1");
            // the duty log writes its console log as JSON lines (KEFU_LOG_FORMAT=json): ObservabilitySystemTest reads the
            // trace id of a phone complaint there
            started.arguments("dutylog-service", "--kefu.log-format=json");
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            started.start();
            system = started;
        }
        return system;
    }

    /** The gateway the tests talk to: the one {@code KEFU_E2E_GATEWAY_URL} names, else the shared local system's. */
    public static String gatewayUrl() {
        String given = System.getenv("KEFU_E2E_GATEWAY_URL");
        return given != null && !given.isBlank() ? given.replaceAll("/$", "") : local().gatewayUrl();
    }
}
