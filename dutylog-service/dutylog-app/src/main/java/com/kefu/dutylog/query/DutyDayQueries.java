package com.kefu.dutylog.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A duty day as the manager signed it (D5), checked against its entries as they are now; and its addenda, what was
 * written into it after the signature, each signed in turn (D12).
 */
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
     * {@code intact}: whether they still match the signature (null while unsigned). {@code addenda}: what was
     * written into the day after its signature, addendum by addendum (D12); none touches the signed entries.
     */
    public record DutyDayView(LocalDate date, boolean sealed, Signature signature, DutyDayDigest.Digest current,
                              Boolean intact, List<Addendum> addenda) {
    }

    /**
     * An addendum to a signed day (D12): its entries in the order they were written, and the manager's signature
     * of it (null while unsigned). {@code intact}: whether the entries still match that signature and the
     * signature follows the one before it (null while unsigned).
     */
    public record Addendum(int number, List<AddendumEntry> entries, AddendumSignature signature,
                           DutyDayDigest.Digest current, Boolean intact) {
    }

    /** {@code occurredAt}: when it happened, on the signed day; {@code recordedAt}: when it was written, after. */
    public record AddendumEntry(String id, String shiftId, Instant occurredAt, String category, String description,
                                String handling, String outcome, String reference, String corrects,
                                String recordedBy, Instant recordedAt) {
    }

    public record AddendumSignature(String signedBy, Instant signedAt, String digest, String previousDigest,
                                    int entries) {
    }

    /** The addendum late writes enter now, and the digest its signature will chain to. */
    public record OpenAddendum(int number, String previousDigest) {
    }

    public Optional<Signature> signature(LocalDate day) {
        return jdbc.query("select * from duty_day_signature where duty_day = ?",
                (rs, row) -> new Signature(rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("digest"), rs.getInt("entries")), Date.valueOf(day)).stream().findFirst();
    }

    /** The addendum of a signed day that is not signed yet; empty while the day itself is not signed. */
    public Optional<OpenAddendum> openAddendum(LocalDate day) {
        return signature(day).map(signature -> addendumSignatures(day).stream()
                .reduce((first, last) -> last)
                .map(last -> new OpenAddendum(last.number() + 1, last.signature().digest()))
                .orElse(new OpenAddendum(1, signature.digest())));
    }

    public DutyDayView find(LocalDate day) {
        Signature signature = signature(day).orElse(null);
        DutyDayDigest.Digest current = digests.of(day);
        Boolean intact = signature == null ? null
                : signature.digest().equals(current.sha256()) && signature.entries() == current.entries();
        return new DutyDayView(day, signature != null, signature, current, intact,
                signature == null ? List.of() : addenda(day, signature));
    }

    private List<Addendum> addenda(LocalDate day, Signature daySignature) {
        List<NumberedSignature> signatures = addendumSignatures(day);
        TreeSet<Integer> numbers = new TreeSet<>(jdbc.queryForList(
                "select distinct addendum from duty_day_addendum_entry where duty_day = ?", Integer.class,
                Date.valueOf(day)));
        signatures.forEach(signed -> numbers.add(signed.number()));
        List<Addendum> addenda = new ArrayList<>();
        String previous = daySignature.digest();
        for (int number : numbers) {
            List<AddendumEntry> entries = jdbc.query("""
                    select * from duty_day_addendum_entry where duty_day = ? and addendum = ? order by position""",
                    (rs, row) -> entry(rs), Date.valueOf(day), number);
            AddendumSignature signature = signatures.stream().filter(signed -> signed.number() == number)
                    .map(NumberedSignature::signature).findFirst().orElse(null);
            DutyDayDigest.Digest current = digests.addendum(day, number,
                    signature == null ? previous : signature.previousDigest());
            Boolean intact = signature == null ? null : signature.previousDigest().equals(previous)
                    && signature.digest().equals(current.sha256()) && signature.entries() == current.entries();
            addenda.add(new Addendum(number, entries, signature, current, intact));
            previous = signature == null ? previous : signature.digest();
        }
        return addenda;
    }

    private record NumberedSignature(int number, AddendumSignature signature) {
    }

    private List<NumberedSignature> addendumSignatures(LocalDate day) {
        return jdbc.query("select * from duty_day_addendum_signature where duty_day = ? order by addendum",
                (rs, row) -> new NumberedSignature(rs.getInt("addendum"), new AddendumSignature(
                        rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(), rs.getString("digest"),
                        rs.getString("previous_digest"), rs.getInt("entries"))), Date.valueOf(day));
    }

    static AddendumEntry entry(ResultSet rs) throws SQLException {
        return new AddendumEntry(rs.getString("id"), rs.getString("shift_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("category"), rs.getString("description"),
                rs.getString("handling"), rs.getString("outcome"), rs.getString("reference"),
                rs.getString("corrects"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
