package com.kefu.dutylog.query;

import com.kefu.dutylog.config.DutylogProperties;
import com.kefu.dutylog.event.LostItemDisposedEvent;
import com.kefu.dutylog.event.LostItemRegisteredEvent;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.query.Page;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lost items: the list of them from their view ({@code lost_item_view}, kept by {@link DutyRecordsProjection}), an
 * item's chain of custody from the event store, and which are due for disposal. An item is kept until the retention
 * period ({@code kefu.dutylog.lost-item-retention}) after it was found; then, unclaimed, it is disposed of (D9).
 */
@Component
public class LostItemQueries {

    private final JdbcTemplate jdbc;
    private final EventHistory history;
    private final DutylogProperties properties;

    LostItemQueries(JdbcTemplate jdbc, EventHistory history, DutylogProperties properties) {
        this.jdbc = jdbc;
        this.history = history;
        this.properties = properties;
    }

    /**
     * @param custody STORED, RETURNED or DISPOSED; null: any
     * @param from    found at or after it; null: since ever
     * @param to      found before it; null: until now
     */
    public record Filter(String custody, Instant from, Instant to) {
    }

    /** A page of the items the filter lets through, the most recently found first. */
    public Page<LostItemSummary> list(Filter filter, int page, int size) {
        return new Page.Where().equal("custody", filter.custody()).from("found_at", filter.from())
                .before("found_at", filter.to())
                .page(jdbc, "lost_item_view", "found_at desc, id desc", this::summary, page, size);
    }

    private LostItemSummary summary(ResultSet rs, int row) throws SQLException {
        Instant foundAt = rs.getTimestamp("found_at").toInstant();
        return new LostItemSummary(rs.getString("id"), rs.getString("description"), rs.getString("custody"),
                foundAt, rs.getString("found_by"), rs.getString("found_where"), rs.getString("handed_to"),
                rs.getString("stored_at"), rs.getTimestamp("registered_at").toInstant(),
                instant(rs.getTimestamp("closed_at")), keptUntil(foundAt));
    }

    /** The end of the retention period of an item found then: the disposal check's rule (D9). */
    private Instant keptUntil(Instant foundAt) {
        return foundAt.plus(properties.lostItemRetention());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<LostItemView> find(String id) {
        if (jdbc.queryForObject("select count(*) from lost_item_view where id = ?", Integer.class, id) == 0) {
            return Optional.empty();
        }
        List<LostItemView.Step> chain = new ArrayList<>();
        String description = null;
        Instant keptUntil = null;
        String custody = "STORED";
        for (Object event : history.payloads("LostItem", id)) {
            if (event instanceof LostItemRegisteredEvent found) {
                description = found.description();
                keptUntil = keptUntil(found.foundAt());
                chain.add(new LostItemView.Step("FOUND", found.foundAt(), found.foundBy(), null, found.foundWhere(),
                        null));
                chain.add(new LostItemView.Step("HANDED_TO_SUPERVISOR", found.registeredAt(), found.foundBy(),
                        found.handedTo(), null, null));
                chain.add(new LostItemView.Step("STORED", found.registeredAt(), found.registeredBy(), null,
                        found.storedAt(), null));
            } else if (event instanceof LostItemReturnedEvent returned) {
                custody = "RETURNED";
                chain.add(new LostItemView.Step("RETURNED", returned.returnedAt(), returned.returnedBy(),
                        Masking.name(returned.claimant()), null, "identity checked"
                        + (returned.identityDocument() == null ? ""
                        : ": " + Masking.document(returned.identityDocument()))));
            } else if (event instanceof LostItemDisposedEvent disposed) {
                custody = "DISPOSED";
                chain.add(new LostItemView.Step("DISPOSED", disposed.disposedAt(), disposed.disposedBy(), null, null,
                        "unclaimed after " + disposed.retention().toDays() + " days"));
            }
        }
        return Optional.of(new LostItemView(id, description, custody, keptUntil, chain));
    }

    /** Items still stored that were found before {@code foundBefore}: kept until then or earlier. */
    public List<String> storedSince(Instant foundBefore) {
        return jdbc.queryForList("""
                select id from lost_item_view where custody = 'STORED' and found_at <= ? order by found_at limit 500""",
                String.class, Timestamp.from(foundBefore));
    }
}
