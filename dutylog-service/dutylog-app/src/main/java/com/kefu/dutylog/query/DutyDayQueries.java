package com.kefu.dutylog.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A duty day as the manager signed it (D5), checked against its entries as they are now. */
@Component
public class DutyDayQueries {

    private final JdbcTemplate jdbc;
    private final DutyDayDigest digests;

    DutyDayQueries(JdbcTemplate jdbc, DutyDayDigest digests) {
        this.jdbc = jdbc;
        this.digests = digests;
    }

    public record Signature(String signedBy, Instant signedAt, String digest, int entries) {
    }

    /**
     * {@code signature}: null while the day is not signed. {@code current}: the digest of the day's entries now.
     * {@code intact}: whether they still match the signature (null while unsigned).
     */
    public record DutyDayView(LocalDate date, boolean sealed, Signature signature, DutyDayDigest.Digest current,
                              Boolean intact) {
    }

    public Optional<Signature> signature(LocalDate day) {
        return jdbc.query("select * from duty_day_signature where duty_day = ?",
                (rs, row) -> new Signature(rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("digest"), rs.getInt("entries")), Date.valueOf(day)).stream().findFirst();
    }

    public DutyDayView find(LocalDate day) {
        Signature signature = signature(day).orElse(null);
        DutyDayDigest.Digest current = digests.of(day);
        Boolean intact = signature == null ? null
                : signature.digest().equals(current.sha256()) && signature.entries() == current.entries();
        return new DutyDayView(day, signature != null, signature, current, intact);
    }
}
