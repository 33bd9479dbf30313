package com.kefu.platform.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdentifiersTest {

    @Test
    @DisplayName("Axon draws its identifiers from RandomIdentifiers: random (version 4) UUIDs, never the same twice")
    void axonUsesThem() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIdentifiers.class);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = UUID.fromString(IdentifierFactory.getInstance().generateIdentifier());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id.toString())).isTrue();
        }
    }

    @Test
    @DisplayName("Threads drawing at once, each from its own generator in draws of many: no UUID twice across them")
    void threadsNeverShareAnIdentifier() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                counts.add(threads.submit(() -> {
                    int added = 0;
                    // not a multiple of a draw, so that every thread crosses the end of its draws
                    for (int i = 0; i < 25 * RandomIdentifiers.IDS_PER_DRAW + 7; i++) {
                        added += seen.add(RandomIdentifiers.uuid()) ? 1 : 0;
                    }
                    return added;
                }));
            }
            int added = 0;
            for (Future<Integer> count : counts) {
                added += count.get();
            }
            assertThat(added).isEqualTo(8 * (25 * RandomIdentifiers.IDS_PER_DRAW + 7));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("Every bit a UUID leaves random takes both values: the draws are used, not a fixed part of them")
    void everyRandomBitVaries() {
        long mostOnes = 0;
        long mostZeros = 0;
        long leastOnes = 0;
        long leastZeros = 0;
        for (int i = 0; i < 4 * RandomIdentifiers.IDS_PER_DRAW; i++) {
            UUID id = RandomIdentifiers.uuid();
            mostOnes |= id.getMostSignificantBits();
            mostZeros |= ~id.getMostSignificantBits();
            leastOnes |= id.getLeastSignificantBits();
            leastZeros |= ~id.getLeastSignificantBits();
        }
        // the version's four bits and the variant's two are fixed; all 122 others are seen as 0 and as 1
        assertThat(mostOnes & mostZeros).isEqualTo(~0xf000L);
        assertThat(leastOnes & leastZeros).isEqualTo(0x3fffffffffffffffL);
    }
}
