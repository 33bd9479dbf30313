package com.kefu.dutylog.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shift's page of the duty log: what it carried over from the previous shift (D1), its entries oldest first,
 * corrections beside the entries they correct (D3), and its handover once it is closed (D6). {@code addenda}: what
 * was written from this page into days the manager had already signed, which their addenda hold (D12).
 * The handover signed by both (D15): {@code handoverProposal} the outgoing person's, waiting while the shift is open
 * (null once refused); {@code handoverRefusals} the incoming person's refusals with their reasons;
 * {@code handoverAcceptance} who accepted it, when, and whether it was late with why; {@code handoverDue} when the
 * post's shift times say it is due (null: the post has none) and {@code handoverLateAfter} past which it is late.
 * What the desk hands on until it is done: {@code openRepairOrders} the repair orders engineering has not closed (D16)
 * and {@code openTasks} the tasks from superiors not done, given to this page's post or to a person (D19): while the
 * shift is open as they are now, once it is handed over as they stood at its handover.
 */
public record ShiftView(String id, String post, LocalDate date, String openedBy, Instant openedAt, boolean open,
                        JsonNode carriedOver, List<Entry> entries, JsonNode handover,
                        List<DutyDayQueries.AddendumEntry> addenda, JsonNode handoverProposal,
                        JsonNode handoverRefusals, JsonNode handoverAcceptance, Instant handoverDue,
                        Instant handoverLateAfter, List<RepairOrderView> openRepairOrders,
                        List<TaskView> openTasks) {

    /** {@code corrects}: the entry this one corrects; {@code correctedBy}: the corrections of this one. */
    public record Entry(String id, Instant occurredAt, String category, String description, String handling,
                        String outcome, String reference, String corrects, List<String> correctedBy,
                        String recordedBy, Instant recordedAt) {
    }
}
