package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.AddendumEntryRecordedEvent;
import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.time.MallTime;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest the manager's signature keeps of a day (D5): SHA-256 over the day's entries and corrections as the
 * event store holds them, one JSON line each, in the order they were recorded. Computed again later, a different
 * value shows that the history of the day was changed after it was signed.
 * <p>
 * What is written after the signature is not among them: it enters the day's addendum (D12), in the day's own
 * stream, and an addendum's digest starts with the digest of the signature before it.
 */
@Component
public class DutyDayDigest {

    private final ShiftQueries shifts;
    private final EventHistory history;
    private final ObjectMapper json;
    private final MallTime mallTime;

    DutyDayDigest(ShiftQueries shifts, EventHistory history, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                  MallTime mallTime) {
        this.shifts = shifts;
        this.history = history;
        this.json = json;
        this.mallTime = mallTime;
    }

    public record Digest(String sha256, int entries) {
    }

    private record Written(Instant recordedAt, String entryId, Object event) {
    }

    public Digest of(LocalDate day) {
        List<Written> written = new ArrayList<>();
        for (String shiftId : shifts.shiftsWithEntriesOn(day)) {
            for (Object event : history.payloads("Shift", shiftId)) {
                if (event instanceof EntryRecordedEvent entry && on(day, entry.occurredAt())) {
                    written.add(new Written(entry.recordedAt(), entry.entryId(), entry));
                } else if (event instanceof EntryCorrectedEvent correction && on(day, correction.occurredAt())) {
                    written.add(new Written(correction.recordedAt(), correction.entryId(), correction));
                }
            }
        }
        written.sort(Comparator.comparing(Written::recordedAt).thenComparing(Written::entryId));
        MessageDigest sha256 = sha256();
        for (Written entry : written) {
            sha256.update(line(entry.event()));
        }
        return new Digest(HexFormat.of().formatHex(sha256.digest()), written.size());
    }

    /** The digest of addendum {@code addendum} of a signed day, chained to {@code previousDigest} (D12). */
    public Digest addendum(LocalDate day, int addendum, String previousDigest) {
        MessageDigest sha256 = sha256();
        sha256.update((previousDigest + "\n").getBytes(StandardCharsets.UTF_8));
        int entries = 0;
        for (Object event : history.payloads("DutyDay", dutyDayId(day))) {
            if (event instanceof AddendumEntryRecordedEvent entry && entry.addendum() == addendum) {
                sha256.update(line(entry));
                entries++;
            }
        }
        return new Digest(HexFormat.of().formatHex(sha256.digest()), entries);
    }

    /** The id of a day's stream ({@code DutyDay.idOf}, which a view does not import). */
    static String dutyDayId(LocalDate day) {
        return "duty-day-" + day;
    }

    private boolean on(LocalDate day, Instant at) {
        return mallTime.dayOf(at).equals(day);
    }

    private byte[] line(Object event) {
        try {
            return (event.getClass().getSimpleName() + json.writeValueAsString(event) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
