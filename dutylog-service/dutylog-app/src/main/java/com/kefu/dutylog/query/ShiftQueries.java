package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.config.ShiftTimes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the shift view. */
@Component
public class ShiftQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ShiftTimes shiftTimes;
    private final RoundQueries rounds;
    private final TaskQueries tasks;
    private final Clock clock;

    ShiftQueries(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json, ShiftTimes shiftTimes,
                 RoundQueries rounds, TaskQueries tasks, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.shiftTimes = shiftTimes;
        this.rounds = rounds;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The shift on duty: the most recently opened shift that has not been handed over. */
    public Optional<String> currentShiftId() {
        return jdbc.queryForList("select id from shift_view where open order by opened_at desc limit 1", String.class)
                   .stream().findFirst();
    }

    public Optional<String> openShiftOf(String post) {
        return jdbc.queryForList("select id from shift_view where open and post = ? limit 1", String.class, post)
                   .stream().findFirst();
    }

    /** The last handover of a post: what the next page of that post carries over (D1). */
    public Optional<ShiftHandedOverEvent> lastHandoverOf(String post) {
        return jdbc.queryForList("""
                        select handover::text from shift_view where post = ? and not open and handover is not null
                        order by handed_over_at desc limit 1""", String.class, post)
                   .stream().findFirst().map(handover -> read(handover, ShiftHandedOverEvent.class));
    }

    /**
     * An entry of a shift as a correction needs it, if the shift has it, on its page or in a signed day's addendum
     * (D12): written in the transaction of its event and never changed after (D3), so what this answers holds.
     */
    public Optional<WrittenEntry> entryOf(String shiftId, String entryId) {
        return jdbc.query("""
                select occurred_at, category, duty_day from shift_entry_view where shift_id = ? and id = ?
                union all
                select occurred_at, category, duty_day from duty_day_addendum_entry where shift_id = ? and id = ?""",
                (rs, row) -> new WrittenEntry(rs.getTimestamp("occurred_at").toInstant(),
                        EntryCategory.valueOf(rs.getString("category")), rs.getDate("duty_day").toLocalDate()),
                shiftId, entryId, shiftId, entryId).stream().findFirst();
    }

    /** When an entry happened, its category and its duty day. */
    public record WrittenEntry(Instant occurredAt, EntryCategory category, LocalDate dutyDay) {
    }

    /** The post of a shift and when it opened: when it is due to be handed over follows from them (D15). */
    public Optional<OpenedPage> openedPage(String shiftId) {
        return jdbc.query("select post, opened_at from shift_view where id = ?",
                (rs, row) -> new OpenedPage(rs.getString("post"), rs.getTimestamp("opened_at").toInstant()), shiftId)
                   .stream().findFirst();
    }

    public record OpenedPage(String post, Instant openedAt) {
    }

    /** Shifts holding entries of a duty day. */
    public List<String> shiftsWithEntriesOn(LocalDate day) {
        return jdbc.queryForList("select distinct shift_id from shift_entry_view where duty_day = ?", String.class,
                java.sql.Date.valueOf(day));
    }

    /** Whether the shift exists and is open (a page is written while it is open, D8). */
    public Optional<Boolean> isOpen(String shiftId) {
        return jdbc.queryForList("select open from shift_view where id = ?", Boolean.class, shiftId).stream()
                   .findFirst();
    }

    /** Shifts whose page carries a date. */
    public List<String> shiftsDated(LocalDate day) {
        return jdbc.queryForList("select id from shift_view where shift_date = ?", String.class,
                java.sql.Date.valueOf(day));
    }

    public Optional<ShiftView> find(String id) {
        Map<String, List<String>> corrections = new HashMap<>();
        List<ShiftView.Entry> entries = jdbc.query(
                "select * from shift_entry_view where shift_id = ? order by position",
                (rs, row) -> entry(rs, corrections), id);
        entries.forEach(entry -> {
            if (entry.corrects() != null) {
                corrections.computeIfAbsent(entry.corrects(), key -> new ArrayList<>()).add(entry.id());
            }
        });
        List<DutyDayQueries.AddendumEntry> addenda = jdbc.query(
                "select * from duty_day_addendum_entry where shift_id = ? order by position",
                (rs, row) -> DutyDayQueries.entry(rs), id);
        return jdbc.query("""
                select *, carried_over::text as carried, handover::text as handed,
                    handover_proposal::text as proposal, handover_refusals::text as refusals,
                    handover_acceptance::text as acceptance
                from shift_view where id = ?""", (rs, row) -> {
                    Instant openedAt = rs.getTimestamp("opened_at").toInstant();
                    Optional<Instant> due = shiftTimes.due(rs.getString("post"), openedAt);
                    Timestamp handedOverAt = rs.getTimestamp("handed_over_at");
                    Instant asOf = rs.getBoolean("open") || handedOverAt == null ? clock.instant()
                            : handedOverAt.toInstant();
                    return new ShiftView(rs.getString("id"), rs.getString("post"),
                            rs.getDate("shift_date").toLocalDate(), rs.getString("opened_by"), openedAt,
                            rs.getBoolean("open"), tree(rs.getString("carried")), entries,
                            tree(rs.getString("handed")), addenda, tree(rs.getString("proposal")),
                            tree(rs.getString("refusals")), tree(rs.getString("acceptance")), due.orElse(null),
                            due.map(shiftTimes::lateAfter).orElse(null), rounds.openAt(asOf),
                            tasks.openAt(asOf, rs.getString("post")));
                }, id).stream().findFirst();
    }

    private static ShiftView.Entry entry(ResultSet rs, Map<String, List<String>> corrections) throws SQLException {
        String id = rs.getString("id");
        return new ShiftView.Entry(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("category"),
                rs.getString("description"), rs.getString("handling"), rs.getString("outcome"),
                rs.getString("reference"), rs.getString("corrects"),
                corrections.computeIfAbsent(id, key -> new ArrayList<>()), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private JsonNode tree(String text) {
        return text == null ? null : read(text, JsonNode.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
