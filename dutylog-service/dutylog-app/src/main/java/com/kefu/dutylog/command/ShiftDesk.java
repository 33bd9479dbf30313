package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.HandoverItem;
import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.OpenMatter;
import com.kefu.dutylog.api.Preparation;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.command.DutyDayCommands.RecordAddendumEntryCommand;
import com.kefu.dutylog.command.HandoverCommands.AcceptHandoverCommand;
import com.kefu.dutylog.command.HandoverCommands.DeclineHandoverCommand;
import com.kefu.dutylog.config.ShiftTimes;
import com.kefu.dutylog.query.OpenEmergencies;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The duty desk: opens shifts, writes and corrects entries, hands shifts over from one person to the next and takes
 * complaint calls into the shift on duty (all under the {@link DutyDeskLock} but entries and corrections, which lock
 * their day instead).
 */
@Service
public class ShiftDesk {

    /** Who sends the waiting calls in; each entry names who received its call. */
    static final String WAITING_CALLS = "system:waiting-calls";

    private final Commands commands;
    private final ShiftQueries shifts;
    private final OpenEmergencies emergencies;
    private final DutyDays days;
    private final DutyDeskLock desk;
    private final IncidentDesk incidents;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ShiftTimes shiftTimes;
    private final SupervisorInstructions supervisorInstructions;
    private final IdempotentCreates creates;

    public ShiftDesk(Commands commands, ShiftQueries shifts, OpenEmergencies emergencies, DutyDays days,
                     DutyDeskLock desk, IncidentDesk incidents, JdbcTemplate jdbc, Clock clock,
                     ApplicationEventPublisher events, ShiftTimes shiftTimes,
                     SupervisorInstructions supervisorInstructions, IdempotentCreates creates) {
        this.creates = creates;
        this.shiftTimes = shiftTimes;
        this.supervisorInstructions = supervisorInstructions;
        this.commands = commands;
        this.shifts = shifts;
        this.emergencies = emergencies;
        this.days = days;
        this.desk = desk;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens a new page with today's date, carrying over what the post's previous shift handed over (D1), and takes
     * in the incidents reported while no shift was open (D12). The complaint calls that waited for a shift follow
     * once it is open ({@link WaitingCalls}), not in this transaction.
     */
    @Transactional
    public OpenedShift open(String post, String idempotencyKey) {
        return creates.once("shift", idempotencyKey, OpenedShift.class, () -> open(post));
    }

    private OpenedShift open(String post) {
        desk.lock();
        return openUnderLock(post);
    }

    private OpenedShift openUnderLock(String post) {
        shifts.openShiftOf(post).ifPresent(open -> {
            throw new RuleViolation("shift-already-open", "post " + post + " already has an open shift (" + open
                    + "); it stays open until it is handed over (D8)");
        });
        Instant now = clock.instant();
        LocalDate date = days.dayOf(now);
        String shiftId = UUID.randomUUID().toString();
        ShiftHandedOverEvent previous = shifts.lastHandoverOf(post).orElse(null);
        commands.send(previous == null
                ? new OpenShiftCommand(shiftId, post, date, CurrentUser.get().username(), now)
                : new OpenShiftCommand(shiftId, post, date, CurrentUser.get().username(), now, previous.shiftId(),
                        previous.openMatters(), previous.instructions()));
        incidents.takeWaitingInto(shiftId);
        events.publishEvent(new CallsWaiting());
        return new OpenedShift(shiftId, post, date, previous == null ? null : previous.shiftId(),
                previous == null ? List.of() : CarriedOver.of(previous.openMatters(), previous.instructions()));
    }

    /** Into the shift's page; into the day's addendum once the manager has signed the day (D12). */
    @Transactional
    public DutyDays.Written recordEntry(String shiftId, Instant occurredAt, EntryCategory category,
                                        String description, String handling, String outcome, String idempotencyKey) {
        return creates.once("shift-entry", idempotencyKey, DutyDays.Written.class,
                () -> recordEntry(shiftId, occurredAt, category, description, handling, outcome));
    }

    private DutyDays.Written recordEntry(String shiftId, Instant occurredAt, EntryCategory category,
                                        String description, String handling, String outcome) {
        LocalDate day = days.dayOf(occurredAt);
        String entryId = UUID.randomUUID().toString();
        String actor = CurrentUser.get().username();
        if (days.isSealed(day)) {
            requireOpen(shiftId);
            return days.addToAddendum(new RecordAddendumEntryCommand(day, entryId, shiftId, occurredAt, category,
                    description, handling, outcome, null, null, actor, clock.instant()));
        }
        commands.send(new RecordEntryCommand(shiftId, entryId, occurredAt, category, description, handling, outcome,
                null, actor, clock.instant()));
        return new DutyDays.Written(entryId, day, null);
    }

    /**
     * A correction is a new entry pointing to the one it corrects, on the same duty day (D3); once that day is
     * signed, in its addendum (D12).
     */
    @Transactional
    public DutyDays.Written correctEntry(String shiftId, String entryId, String description, String handling,
                                         String outcome) {
        ShiftQueries.WrittenEntry corrected = shifts.entryOf(shiftId, entryId)
                .orElseThrow(() -> new NotFound("no entry " + entryId + " in shift " + shiftId));
        String correctionId = UUID.randomUUID().toString();
        String actor = CurrentUser.get().username();
        if (days.isSealed(corrected.dutyDay())) {
            return days.addToAddendum(new RecordAddendumEntryCommand(corrected.dutyDay(), correctionId, shiftId,
                    corrected.occurredAt(), corrected.category(), description, handling, outcome, null, entryId,
                    actor, clock.instant()));
        }
        commands.send(new CorrectEntryCommand(shiftId, correctionId, entryId, corrected.occurredAt(),
                corrected.category(), description, handling, outcome, actor, clock.instant()));
        return new DutyDays.Written(correctionId, corrected.dutyDay(), null);
    }

    /** A page is written only while its shift is open (D8), its day's addendum too. */
    private void requireOpen(String shiftId) {
        if (!shifts.isOpen(shiftId).orElseThrow(() -> new NotFound("no shift " + shiftId))) {
            throw new RuleViolation("shift-closed", "shift " + shiftId
                    + " has been handed over; entries go into the shift that took it over (D8)");
        }
    }

    /**
     * The caller, on duty in the shift, signs the handover and proposes it to {@code incoming} (or the substitute
     * named for them), or learns why not (D6, D7); late against the post's shift time, only with a reason (D15).
     */
    @Transactional
    public void proposeHandover(String shiftId, String incoming, boolean incomingFit, String substitute,
                                Preparation preparation, List<HandoverItem> items, List<OpenMatter> openMatters,
                                List<Instruction> instructions, String lateReason) {
        desk.lock();
        // the supervisor's instructions on escalated complaints go with it (D20); a refused proposal keeps them
        commands.send(new ProposeHandoverCommand(shiftId, CurrentUser.get().username(), incoming, incomingFit,
                substitute, preparation, items, openMatters, supervisorInstructions.proposedWith(shiftId, instructions),
                emergencies.describe(), dueOf(shiftId), lateReason, clock.instant()));
    }

    /**
     * The caller, the person the handover was proposed to, accepts it under their own sign-in: the shift is handed
     * over and the next page of the post opens for them in the same transaction, carrying over what was handed over
     * (D1, D6, D8, D15).
     */
    @Transactional
    public OpenedShift acceptHandover(String shiftId, String lateReason) {
        desk.lock();
        String post = shifts.openedPage(shiftId).orElseThrow(() -> new NotFound("no shift " + shiftId)).post();
        commands.send(new AcceptHandoverCommand(shiftId, CurrentUser.get().username(), emergencies.describe(),
                dueOf(shiftId), lateReason, clock.instant()));
        supervisorInstructions.handedOver(shiftId);
        return openUnderLock(post);
    }

    /** The person the handover was proposed to refuses it, saying why; the shift stays open (D8, D15). */
    @Transactional
    public void declineHandover(String shiftId, String reason) {
        desk.lock();
        commands.send(new DeclineHandoverCommand(shiftId, CurrentUser.get().username(), reason, clock.instant()));
    }

    /** When the shift is to be handed over by its post's shift times, if the post has them (D15). */
    private HandoverDue dueOf(String shiftId) {
        ShiftQueries.OpenedPage page = shifts.openedPage(shiftId)
                .orElseThrow(() -> new NotFound("no shift " + shiftId));
        return shiftTimes.due(page.post(), page.openedAt())
                .map(due -> new HandoverDue(due, shiftTimes.lateAfter(due))).orElse(HandoverDue.NONE);
    }

    /**
     * A complaint call registered in complaint-service enters the shift on duty, or waits for the next (D11); while
     * calls are waiting, it waits behind them. A call of a day already signed enters that day's addendum (D12),
     * at the time it was received, written by the shift on duty: never refused, never moved to another day.
     */
    @Transactional
    public void takeComplaintCall(ComplaintCall call) {
        desk.lock();
        Optional<String> onDuty = shifts.currentShiftId();
        if (onDuty.isPresent() && !callsWaiting()) {
            enter(onDuty.get(), call, call.receivedBy(), new HashMap<>()).ifPresent(
                    entry -> commands.sendAs(call.receivedBy(), null, entry));
            return;
        }
        jdbc.update("""
                insert into pending_complaint_call (complaint_id, number, subject, received_by, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                call.complaintId(), call.number(), call.subject(), call.receivedBy(),
                Timestamp.from(call.receivedAt()));
        if (onDuty.isPresent()) {
            events.publishEvent(new CallsWaiting()); // behind the calls already waiting, in the order received
        }
    }

    /**
     * Takes up to {@code max} waiting calls, in the order they were received and after {@code after} (null: from the
     * first), into the shift on duty, in one command and one short transaction under the desk's lock (a call of a
     * signed day into that day's addendum); a call that entered leaves the waiting list in the same transaction, so
     * it enters once. Answers the calls read: none while no shift is on duty.
     */
    @Transactional
    public List<ComplaintCall> takeWaitingCalls(ComplaintCall after, int max) {
        if (!callsWaiting()) {
            return List.of(); // the desk stays free when nothing waits; a call queued after this wakes a run of its own
        }
        desk.lock();
        Optional<String> onDuty = shifts.currentShiftId();
        if (onDuty.isEmpty()) {
            return List.of();
        }
        RowMapper<ComplaintCall> calls = (rs, row) -> new ComplaintCall(rs.getString("complaint_id"),
                rs.getString("number"), rs.getString("subject"), rs.getString("received_by"),
                rs.getTimestamp("received_at").toInstant());
        List<ComplaintCall> batch = after == null
                ? jdbc.query("select * from pending_complaint_call order by received_at, complaint_id limit ?",
                        calls, max)
                : jdbc.query("""
                        select * from pending_complaint_call where (received_at, complaint_id) > (?, ?)
                        order by received_at, complaint_id limit ?""",
                        calls, Timestamp.from(after.receivedAt()), after.complaintId(), max);
        Map<LocalDate, Boolean> sealed = new HashMap<>();
        List<RecordEntryCommand> entries = new ArrayList<>();
        batch.forEach(call -> enter(onDuty.get(), call, WAITING_CALLS, sealed).ifPresent(entries::add));
        if (!entries.isEmpty()) {
            commands.sendAs(WAITING_CALLS, null, new RecordCallsCommand(onDuty.get(), entries));
        }
        jdbc.batchUpdate("delete from pending_complaint_call where complaint_id = ?",
                batch.stream().map(call -> new Object[] {call.complaintId()}).toList());
        return batch;
    }

    private boolean callsWaiting() {
        return !jdbc.queryForList("select 1 from pending_complaint_call limit 1", Integer.class).isEmpty();
    }

    /**
     * The page entry a call makes in the shift on duty; or, its day signed, none: it is written at once into that
     * day's addendum by {@code actor} (D12). Each day asked is locked until the transaction ends
     * ({@link DutyDays#isSealed}); {@code sealed} remembers the answers.
     */
    private Optional<RecordEntryCommand> enter(String shiftId, ComplaintCall call, String actor,
                                               Map<LocalDate, Boolean> sealed) {
        LocalDate day = days.dayOf(call.receivedAt());
        String entryId = UUID.randomUUID().toString();
        String description = "投诉来电 / звонок с жалобой " + call.number() + ": " + call.subject();
        String handling = "registered in complaint-service as " + call.number();
        if (sealed.computeIfAbsent(day, days::isSealed)) {
            days.addToAddendum(actor, new RecordAddendumEntryCommand(day, entryId, shiftId, call.receivedAt(),
                    EntryCategory.COMPLAINT_CALL, description, handling, null, call.number(), null,
                    call.receivedBy(), clock.instant()));
            return Optional.empty();
        }
        return Optional.of(new RecordEntryCommand(shiftId, entryId, call.receivedAt(), EntryCategory.COMPLAINT_CALL,
                description, handling, null, call.number(), call.receivedBy(), clock.instant()));
    }

    /** Published when calls wait for the shift on duty: {@link WaitingCalls} takes them in after the commit. */
    record CallsWaiting() {
    }

    /** A complaint call as the duty log needs it. */
    public record ComplaintCall(String complaintId, String number, String subject, String receivedBy,
                                Instant receivedAt) {
    }

    /** A new page and what it carried over from the post's previous shift (D1). */
    public record OpenedShift(String id, String post, LocalDate date, String fromShiftId,
                              List<CarriedOver> carriedOver) {
    }

    /** An open matter ({@code kind} OPEN_MATTER) or a superior's instruction ({@code kind} INSTRUCTION). */
    public record CarriedOver(String kind, String subject, String cause, String course, String result, String from,
                              String text) {

        static List<CarriedOver> of(List<OpenMatter> matters, List<Instruction> instructions) {
            return java.util.stream.Stream.concat(
                    matters.stream().map(m -> new CarriedOver("OPEN_MATTER", m.subject(), m.cause(), m.course(),
                            m.result(), null, null)),
                    instructions.stream().map(i -> new CarriedOver("INSTRUCTION", null, null, null, null, i.from(),
                            i.text()))).toList();
        }
    }
}
