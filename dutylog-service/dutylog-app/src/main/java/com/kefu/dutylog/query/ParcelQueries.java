package com.kefu.dutylog.query;

import com.kefu.dutylog.event.ParcelHandedOverEvent;
import com.kefu.dutylog.event.ParcelReceivedEvent;
import com.kefu.dutylog.event.ParcelStoredEvent;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers' mail and parcels (D17): what is still held, per tenant, from {@code parcel_view} (kept by
 * {@link DeskKeepingProjection} in the command's transaction), and each one's chain of custody from its events.
 */
@Component
public class ParcelQueries {

    /** What the desk says of every parcel it keeps (篇2 G). */
    static final String OUTSIDE_ONLY = "recorded from the outside only; the desk never opens mail or parcels";

    private final JdbcTemplate jdbc;
    private final EventHistory history;

    ParcelQueries(JdbcTemplate jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** The parcels of one tenant still held. */
    public record Held(String tenant, List<ParcelSummary> parcels) {
    }

    /** What is still held, per tenant (tenants by name, each tenant's parcels oldest first); one tenant if named. */
    public List<Held> held(String tenant) {
        List<ParcelSummary> parcels = jdbc.query("""
                select * from parcel_view where custody = 'HELD' and (cast(? as varchar) is null or tenant = ?)
                order by tenant, received_at, id limit 1000""",
                (rs, row) -> new ParcelSummary(rs.getString("id"), rs.getString("tenant"), rs.getString("shop"),
                        rs.getString("kind"), rs.getString("outside"), rs.getString("delivered_by"),
                        rs.getString("received_by"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("stored_at")), tenant, tenant);
        Map<String, List<ParcelSummary>> byTenant = new LinkedHashMap<>();
        parcels.forEach(p -> byTenant.computeIfAbsent(p.tenant(), t -> new ArrayList<>()).add(p));
        return byTenant.entrySet().stream().map(e -> new Held(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public boolean exists(String id) {
        return jdbc.queryForObject("select count(*) from parcel_view where id = ?", Integer.class, id) > 0;
    }

    public Optional<ParcelView> find(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        List<ParcelView.Step> chain = new ArrayList<>();
        ParcelReceivedEvent received = null;
        String storedAt = null;
        String custody = "HELD";
        for (Object event : history.payloads("Parcel", id)) {
            if (event instanceof ParcelReceivedEvent r) {
                received = r;
                chain.add(new ParcelView.Step("RECEIVED", r.receivedAt(), r.deliveredBy(), r.receivedBy(), null,
                        r.kind() + ": " + r.outside()));
            } else if (event instanceof ParcelStoredEvent s) {
                storedAt = s.storedAt();
                chain.add(new ParcelView.Step("STORED", s.storedOn(), s.storedBy(), null, s.storedAt(), null));
            } else if (event instanceof ParcelHandedOverEvent h) {
                custody = "HANDED_OVER";
                chain.add(new ParcelView.Step("HANDED_OVER", h.handedOverAt(), h.handedOverBy(),
                        Masking.name(h.signature().collectedBy()), null,
                        "for " + h.tenant() + ", signed: " + Masking.document(h.signature().note())));
            }
        }
        return Optional.of(new ParcelView(id, received.tenant(), received.shop(), received.kind(), received.outside(), false,
                OUTSIDE_ONLY,
                custody, storedAt, chain));
    }
}
