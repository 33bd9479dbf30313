package com.kefu.dutylog.query;

import java.time.Instant;
import java.util.List;

/**
 * A letter or parcel and its chain of custody (D17), read from its events: RECEIVED (from whom, for which tenant),
 * STORED (where; again for each move), HANDED_OVER (to whom, for which tenant, against which signature).
 * {@code custody}: HELD or HANDED_OVER. {@code outside}: what it is, as seen from the
 * outside; {@code opened} is always false and {@code sealedNote} says why: the desk records
 * only what a letter or parcel shows from the outside and never opens it (篇2 G).
 */
public record ParcelView(String id, String tenant, String shop, String kind, String outside, boolean opened,
                         String sealedNote, String custody, String storedAt, List<Step> chainOfCustody) {

    /** One hand the parcel passed through: who acted ({@code by}), when, who received it, where, and a note. */
    public record Step(String step, Instant at, String by, String to, String where, String note) {
    }
}
