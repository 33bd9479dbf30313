package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

class EventRelayTest {

    /** An event of the service's own, never published: its contact in clear, say. */
    record KeptInside(String phone) {
    }

    @Test
    void anEventThatIsNotPublishedIsPassedOverWithoutReadingItsPayload() {
        var relay = new EventRelay(null, new ObjectMapper(), new RelayProperties("t", null, null, null, null, null));
        var stored = new GenericEventMessage<>(new KeptInside("13812345678")) {
            @Override
            public KeptInside getPayload() {
                throw new AssertionError("deserialized (and its personal data decrypted) only to be dropped");
            }
        };

        assertThatCode(() -> relay.on(stored)).doesNotThrowAnyException();
    }
}
