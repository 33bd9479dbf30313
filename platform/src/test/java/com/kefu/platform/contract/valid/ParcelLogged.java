package com.kefu.platform.contract.valid;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A published event for {@code PublishedEventSchemasTest}: its schema holds. */
@PublishedEvent(type = "ParcelLogged", version = 1)
public record ParcelLogged(String parcelId, String code, Kind kind, int pieces, Instant loggedAt, LocalDate day,
                           String note, List<Line> lines) {

    public enum Kind { LETTER, BOX }

    public record Line(String item, int quantity) {
    }
}
