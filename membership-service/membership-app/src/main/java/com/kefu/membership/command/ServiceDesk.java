package com.kefu.membership.command;

import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.command.MemberCommands.ConfirmActiveCommand;
import com.kefu.membership.command.ServiceRequest.CancelServiceRequestCommand;
import com.kefu.membership.command.ServiceRequest.CompleteServiceRequestCommand;
import com.kefu.membership.command.ServiceRequest.RegisterServiceRequestCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * Front-desk services (M5): each request gets a ticket numbered by its kind ({@code JC-000042} for storage) from
 * one sequence, so a ticket number is never handed out twice. A member's request first asks the member whether
 * they are active.
 */
@Service
public class ServiceDesk {

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotentCreates creates;

    ServiceDesk(Commands commands, JdbcTemplate jdbc, Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Ticket(String id, String number) {
    }

    public Ticket registerRequest(ServiceRequestKind kind, String memberId, String details, String idempotencyKey) {
        return creates.once("service-request", idempotencyKey, Ticket.class,
                () -> registerRequest(kind, memberId, details));
    }

    private Ticket registerRequest(ServiceRequestKind kind, String memberId, String details) {
        if (memberId != null) {
            commands.send(new ConfirmActiveCommand(memberId, "ask for member services"));
        }
        String id = UUID.randomUUID().toString();
        Long sequence = jdbc.queryForObject("select nextval('service_request_number')", Long.class);
        String number = "%s-%06d".formatted(kind.prefix(), sequence);
        commands.send(new RegisterServiceRequestCommand(id, number, kind, memberId, details, actor(),
                clock.instant()));
        return new Ticket(id, number);
    }

    public ServiceRequest.Status complete(String requestId, String note) {
        return commands.send(new CompleteServiceRequestCommand(requestId, note, actor(), clock.instant()));
    }

    public ServiceRequest.Status cancel(String requestId, String reason) {
        return commands.send(new CancelServiceRequestCommand(requestId, reason, actor(), clock.instant()));
    }

    private static String actor() {
        return CurrentUser.get().username();
    }
}
