package com.kefu.platform.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

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
}
