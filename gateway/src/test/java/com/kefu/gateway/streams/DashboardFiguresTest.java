package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's figures do not depend on the order in which the topics' partitions were read. */
class DashboardFiguresTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("D1 the shifts now open are listed by when they opened, whichever partition was read first")
    void shiftsInTheOrderTheyOpened() {
        EventEnvelope frontDesk = opened("s-2", "front-desk", NOW.minusSeconds(600));
        EventEnvelope control = opened("s-1", "security-control", NOW.minusSeconds(60));

        DashboardFigures readInOrder = new DashboardFigures(MALL);
        readInOrder.apply(frontDesk);
        readInOrder.apply(control);
        DashboardFigures readOtherwise = new DashboardFigures(MALL);
        readOtherwise.apply(control);
        readOtherwise.apply(frontDesk);

        assertThat(readOtherwise.snapshot(NOW, true)).isEqualTo(readInOrder.snapshot(NOW, true));
        assertThat(readOtherwise.snapshot(NOW, true).currentShifts()).extracting(DashboardFigures.Shift::post)
                .containsExactly("front-desk", "security-control");
    }

    private static EventEnvelope opened(String shiftId, String post, Instant at) {
        var event = new ShiftOpenedEvent(shiftId, post, LocalDate.ofInstant(at, MALL), "desk", at);
        PublishedEvent contract = event.getClass().getAnnotation(PublishedEvent.class);
        return new EventEnvelope(UUID.randomUUID(), contract.type(), contract.version(), shiftId, 0, at, "desk",
                null, JSON.valueToTree(event));
    }
}
