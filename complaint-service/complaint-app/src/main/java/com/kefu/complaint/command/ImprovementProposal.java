package com.kefu.complaint.command;

import com.kefu.complaint.api.ImprovementProposalRecordedEvent;
import com.kefu.complaint.api.ReportPeriod;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An improvement proposal recorded against a reporting period (C11). Once recorded it stands as written: a
 * second thought is a new proposal, so the reports of a period can always be read with what was proposed then.
 */
@Aggregate
public class ImprovementProposal {

    record RecordProposalCommand(@TargetAggregateIdentifier String proposalId, ReportPeriod period,
                                 String title, String proposal, String actor, Instant at) {
    }

    @AggregateIdentifier
    private String proposalId;

    protected ImprovementProposal() {
    }

    @CommandHandler
    public ImprovementProposal(RecordProposalCommand command) {
        ReportPeriod period = command.period();
        apply(new ImprovementProposalRecordedEvent(command.proposalId(), period.name(), period.first(),
                period.last(), command.title(), command.proposal(), command.actor(), command.at()));
    }

    @EventSourcingHandler
    void on(ImprovementProposalRecordedEvent event) {
        proposalId = event.proposalId();
    }
}
