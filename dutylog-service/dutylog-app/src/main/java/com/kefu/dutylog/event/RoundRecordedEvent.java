package com.kefu.dutylog.event;

import java.time.Instant;
import java.util.List;

/**
 * The desk went round the lobby's facilities (D16, 第三章二 7, 9): where ({@code area}), each item's result, who went
 * round and when. A FAULT names the repair order it became.
 */
public record RoundRecordedEvent(String roundId, String area, List<Check> checks, String recordedBy,
                                 Instant recordedAt) {

    /** One facility looked at: {@code result} OK or FAULT; {@code note} what is wrong; the fault's repair order. */
    public record Check(String item, String result, String note, String repairOrderId) {
    }
}
