package com.kefu.platform.ids;

import org.axonframework.common.IdentifierFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for every message and event Axon creates, drawn from a generator per thread. Axon's
 * default, {@link UUID#randomUUID()}, draws from one generator shared by the whole JVM behind a lock: under intake
 * load threads queued on it for tens of milliseconds (JFR's monitor-enter events). Found by Axon through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 * <p>
 * The UUIDs come from the same generator in draws of {@value #IDS_PER_DRAW} at a time: each call of the DRBG hashes
 * its state a few times whatever it is asked for, and asked for 16 bytes per identifier (a command, each event, each
 * result of a handled event: about six per complaint) it was a tenth of complaint-service's CPU under intake load
 * (JFR, README Benchmarks). The bytes are the generator's all the same, only fetched in larger pieces. Keys and
 * initialisation vectors of personal data are drawn as they are needed ({@link #random()}), never kept in advance.
 */
public final class RandomIdentifiers extends IdentifierFactory {

    static final int IDS_PER_DRAW = 64;
    private static final int UUID_BYTES = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomIdentifiers::generator);
    private static final ThreadLocal<Drawn> DRAWN = ThreadLocal.withInitial(Drawn::new);

    /** A generator of this thread's own (DRBG, seeded by the system), never shared, so never waited for. */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    /** A random UUID, as {@link UUID#randomUUID()} but from this thread's generator. */
    public static UUID uuid() {
        Drawn drawn = DRAWN.get();
        if (drawn.next == drawn.bytes.length) {
            RANDOM.get().nextBytes(drawn.bytes);
            drawn.next = 0;
        }
        int at = drawn.next;
        drawn.next += UUID_BYTES;
        long most = (long) LONGS.get(drawn.bytes, at);
        long least = (long) LONGS.get(drawn.bytes, at + Long.BYTES);
        // version 4 (random) and the IETF variant, as UUID.randomUUID sets them
        most = (most & ~0xf000L) | 0x4000L;
        least = (least & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    @Override
    public String generateIdentifier() {
        return uuid().toString();
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG generator", e);
        }
    }

    /** This thread's draw of random bytes and how far its identifiers have used it. */
    private static final class Drawn {
        private final byte[] bytes = new byte[IDS_PER_DRAW * UUID_BYTES];
        private int next = bytes.length;
    }
}
