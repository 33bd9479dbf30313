package com.kefu.dutylog.query;

import com.kefu.dutylog.event.LostItemDisposedEvent;
import com.kefu.dutylog.event.LostItemRegisteredEvent;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.platform.axon.EventHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lost items: their chain of custody from the event store, and which are due for disposal. */
@Component
public class LostItemQueries {

    private final JdbcTemplate jdbc;
    private final EventHistory history;

    LostItemQueries(JdbcTemplate jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public Optional<LostItemView> find(String id) {
        if (jdbc.queryForObject("select count(*) from lost_item_view where id = ?", Integer.class, id) == 0) {
            return Optional.empty();
        }
        List<LostItemView.Step> chain = new ArrayList<>();
        String description = null;
        String custody = "STORED";
        for (Object event : history.payloads(id)) {
            if (event instanceof LostItemRegisteredEvent found) {
                description = found.description();
                chain.add(new LostItemView.Step("FOUND", found.foundAt(), found.foundBy(), null, found.foundWhere(),
                        null));
                chain.add(new LostItemView.Step("HANDED_TO_SUPERVISOR", found.registeredAt(), found.foundBy(),
                        found.handedTo(), null, null));
                chain.add(new LostItemView.Step("STORED", found.registeredAt(), found.registeredBy(), null,
                        found.storedAt(), null));
            } else if (event instanceof LostItemReturnedEvent returned) {
                custody = "RETURNED";
                chain.add(new LostItemView.Step("RETURNED", returned.returnedAt(), returned.returnedBy(),
                        returned.claimant(), null, "identity checked"
                        + (returned.identityDocument() == null ? "" : ": " + returned.identityDocument())));
            } else if (event instanceof LostItemDisposedEvent disposed) {
                custody = "DISPOSED";
                chain.add(new LostItemView.Step("DISPOSED", disposed.disposedAt(), disposed.disposedBy(), null, null,
                        "unclaimed after " + disposed.retention().toDays() + " days"));
            }
        }
        return Optional.of(new LostItemView(id, description, custody, chain));
    }

    /** Items still stored that were found before {@code foundBefore}. */
    public List<String> storedSince(Instant foundBefore) {
        return jdbc.queryForList("""
                select id from lost_item_view where custody = 'STORED' and found_at <= ? order by found_at limit 500""",
                String.class, Timestamp.from(foundBefore));
    }
}
