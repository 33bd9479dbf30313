package com.kefu.platform.contract.retyped;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The same event with {@code pieces} turned into text without a new schema: {@code PublishedEventSchemasTest}. */
@PublishedEvent(type = "ParcelLogged", version = 1)
public record ParcelLogged(String parcelId, String code, Kind kind, String pieces, Instant loggedAt, LocalDate day,
                           String note, List<Line> lines) {

    public enum Kind { LETTER, BOX }

    public record Line(String item, int quantity) {
    }
}
