package com.kefu.complaint.command;

import com.kefu.complaint.api.ReportPeriod;
import com.kefu.complaint.command.ImprovementProposal.RecordProposalCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Improvement proposals on a report's period, as the signed-in user. */
@Service
public class ProposalDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final Clock clock;

    ProposalDesk(Commands commands, IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.clock = clock;
    }

    /** The proposal's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public String propose(ReportPeriod period, String title, String proposal, String idempotencyKey) {
        return creates.once("proposal", idempotencyKey, String.class, () -> {
            String id = UUID.randomUUID().toString();
            commands.send(new RecordProposalCommand(id, period, title, proposal, CurrentUser.get().username(),
                    clock.instant()));
            return id;
        });
    }
}
