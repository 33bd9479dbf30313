package com.kefu.dutylog.query;

import java.time.Instant;
import java.util.List;

/**
 * A round of the lobby (D16): where, who went round and when, each facility's result (OK or FAULT with what is
 * wrong) and the repair order a fault became.
 */
public record RoundView(String id, String area, List<Check> checks, int faults, String recordedBy,
                        Instant recordedAt) {

    public record Check(String item, String result, String note, String repairOrderId) {
    }
}
