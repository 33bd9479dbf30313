package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.config.DutylogProperties;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The duty desk: opens shifts and takes complaint calls into the shift on duty. Both take the same lock, so a
 * call that arrives while a shift opens lands either in that shift or in the waiting list it drains — never
 * in neither.
 */
@Service
public class ShiftDesk {

    private static final long DUTY_DESK_LOCK = 0x6475_7479L; // "duty"

    private final Commands commands;
    private final ShiftQueries shifts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DutylogProperties properties;

    public ShiftDesk(Commands commands, ShiftQueries shifts, JdbcTemplate jdbc, Clock clock,
                     DutylogProperties properties) {
        this.commands = commands;
        this.shifts = shifts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public OpenedShift open(String post) {
        lockDutyDesk();
        shifts.openShiftOf(post).ifPresent(open -> {
            throw new RuleViolation("shift-already-open", "post " + post + " already has an open shift (" + open
                    + "); it stays open until it is handed over");
        });
        Instant now = clock.instant();
        LocalDate date = now.atZone(properties.zone()).toLocalDate();
        String shiftId = UUID.randomUUID().toString();
        commands.send(new OpenShiftCommand(shiftId, post, date, CurrentUser.get().username(), now));
        List<ComplaintCall> waiting = jdbc.query(
                "select * from pending_complaint_call order by received_at",
                (rs, row) -> new ComplaintCall(rs.getString("complaint_id"), rs.getString("number"),
                        rs.getString("subject"), rs.getString("received_by"),
                        rs.getTimestamp("received_at").toInstant()));
        waiting.forEach(call -> record(shiftId, call));
        jdbc.update("delete from pending_complaint_call");
        return new OpenedShift(shiftId, post, date, List.of());
    }

    @Transactional
    public String recordEntry(String shiftId, Instant occurredAt, EntryCategory category, String description,
                              String handling, String outcome) {
        String entryId = UUID.randomUUID().toString();
        commands.send(new RecordEntryCommand(shiftId, entryId, occurredAt, category, description, handling, outcome,
                null, CurrentUser.get().username(), clock.instant()));
        return entryId;
    }

    /** A complaint call registered in complaint-service enters the shift on duty, or waits for the next (D11). */
    @Transactional
    public void takeComplaintCall(ComplaintCall call) {
        lockDutyDesk();
        shifts.currentShiftId().ifPresentOrElse(shiftId -> record(shiftId, call), () -> jdbc.update("""
                insert into pending_complaint_call (complaint_id, number, subject, received_by, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                call.complaintId(), call.number(), call.subject(), call.receivedBy(),
                Timestamp.from(call.receivedAt())));
    }

    private void record(String shiftId, ComplaintCall call) {
        commands.sendAs(call.receivedBy(), null, new RecordEntryCommand(shiftId, UUID.randomUUID().toString(),
                call.receivedAt(), EntryCategory.COMPLAINT_CALL,
                "投诉来电 / звонок с жалобой " + call.number() + ": " + call.subject(),
                "registered in complaint-service as " + call.number(), null, call.number(), call.receivedBy(),
                clock.instant()));
    }

    private void lockDutyDesk() {
        jdbc.execute("select pg_advisory_xact_lock(" + DUTY_DESK_LOCK + ")");
    }

    /** A complaint call as the duty log needs it. */
    public record ComplaintCall(String complaintId, String number, String subject, String receivedBy,
                                Instant receivedAt) {
    }

    public record OpenedShift(String id, String post, LocalDate date, List<String> carriedOver) {
    }
}
