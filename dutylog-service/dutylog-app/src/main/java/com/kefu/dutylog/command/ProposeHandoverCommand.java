package com.kefu.dutylog.command;

import com.kefu.dutylog.api.HandoverItem;
import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.OpenMatter;
import com.kefu.dutylog.api.Preparation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outgoing person proposes the handover (D6, D15). {@code unresolvedEmergencies} names the major or emergency
 * matters still open in the building (incidents, MAJOR complaints): each one refuses it (D7). {@code due}: the
 * post's shift time it is measured against; {@code lateReason} why, when it is late.
 */
record ProposeHandoverCommand(@TargetAggregateIdentifier String shiftId, String outgoing, String incoming,
                              boolean incomingFit, String substitute, Preparation preparation,
                              List<HandoverItem> items, List<OpenMatter> openMatters,
                              List<Instruction> instructions, List<String> unresolvedEmergencies,
                              HandoverDue due, String lateReason, Instant at) {

    public ProposeHandoverCommand {
        items = items == null ? List.of() : List.copyOf(items);
        openMatters = openMatters == null ? List.of() : List.copyOf(openMatters);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        unresolvedEmergencies = unresolvedEmergencies == null ? List.of() : List.copyOf(unresolvedEmergencies);
        due = due == null ? HandoverDue.NONE : due;
    }

    /** Every reason the rules of 篇4 I give to refuse this handover; empty when it may go ahead. */
    List<String> refusals() {
        List<String> reasons = new ArrayList<>(HandoverRefused.unresolved(unresolvedEmergencies));
        if (!preparation.recordsRead()) {
            reasons.add("preparation incomplete: the shift's records have not been read (D7)");
        }
        if (!preparation.itemsCounted()) {
            reasons.add("preparation incomplete: the items have not been counted (D7)");
        }
        if (!preparation.equipmentChecked()) {
            reasons.add("preparation incomplete: the office equipment has not been checked (D7)");
        }
        items.stream().filter(item -> !item.checked()).forEach(item -> reasons.add(
                "item '" + item.name() + "' (" + item.quantity() + ") has not been checked face to face (D6)"));
        if (!incomingFit && (substitute == null || substitute.isBlank())) {
            reasons.add("the incoming person " + incoming + " is unfit for duty and no substitute has been named (D7)");
        }
        if (outgoing.equals(takenOverBy())) {
            reasons.add("the shift must be taken over by someone else than " + outgoing + " (D6)");
        }
        return reasons;
    }

    String takenOverBy() {
        return incomingFit ? incoming : substitute;
    }
}
