package com.kefu.platform.ids;

import org.axonframework.common.IdentifierFactory;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for every message and event Axon creates, drawn from a generator per thread. Axon's
 * default, {@link UUID#randomUUID()}, draws from one generator shared by the whole JVM behind a lock: under intake
 * load threads queued on it for tens of milliseconds (JFR's monitor-enter events). Found by Axon through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class RandomIdentifiers extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomIdentifiers::generator);

    /** A generator of this thread's own (DRBG, seeded by the system), never shared, so never waited for. */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    /** A random UUID, as {@link UUID#randomUUID()} but from this thread's generator. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
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
}
