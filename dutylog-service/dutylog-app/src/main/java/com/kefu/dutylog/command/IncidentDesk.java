package com.kefu.dutylog.command;


import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.command.DutyDayCommands.RecordAddendumEntryCommand;
import com.kefu.dutylog.command.IncidentCommands.AcknowledgeNoticeCommand;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.MarkFireStepNotNeededCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.TickFireStepCommand;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.files.FileType;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Emergency incidents (D4, D10, D12): the form, its entry in the shift's log, its on-site photos, its resolution.
 * Photos are kept in PostgreSQL with their SHA-256; the events carry the hash, not the bytes.
 */
@Service
public class IncidentDesk {

    /** How the log's entry names who an incident befell (D14), in both languages of the desk. */
    private static final Map<IncidentKind, String> KINDS = Map.of(
            IncidentKind.GUEST_ILL, "客人发病 / гостю стало плохо",
            IncidentKind.GUEST_DRUNK, "客人醉酒 / гость пьян",
            IncidentKind.GUEST_ACCIDENT, "客人受伤 / несчастный случай с гостем",
            IncidentKind.STAFF_ACCIDENT, "员工受伤 / несчастный случай с сотрудником");

    private final Commands commands;
    private final DutyDays days;
    private final DutyDeskLock desk;
    private final ShiftQueries shifts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotentCreates creates;

    IncidentDesk(Commands commands, DutyDays days, DutyDeskLock desk, ShiftQueries shifts, JdbcTemplate jdbc,
                 Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.days = days;
        this.desk = desk;
        this.shifts = shifts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What became of a report: the form, the page whose log records it ({@code shiftId}, null while no shift is open),
     * the duty day of its entry and the addendum holding it once that day is signed; {@code waiting} while its entry
     * waits for the next shift opened.
     */
    public record Reported(String id, boolean major, String shiftId, LocalDate dutyDay, Integer addendum,
                           boolean waiting) {
    }

    /**
     * Opens the incident's form and writes it into the log (D4). An emergency is never refused (D12): whatever the
     * day or hour, signed day or not, with or without an open shift. Its entry goes into the page of the shift named
     * if it is open, else of the shift on duty; once the day is signed, into the day's addendum; while no shift is
     * open, it waits for the next shift opened ({@link #takeWaitingInto}). One of a {@code kind} sends the CS manager
     * and the CS head a notice at once (D14).
     */
    @Transactional
    public Reported report(String shiftId, EntryCategory category, boolean major, String reporter, String location,
                           String description, FireDetails fire, String heading, IncidentKind kind,
                           Instant occurredAt, String idempotencyKey) {
        return creates.once("incident", idempotencyKey, Reported.class,
                () -> report(shiftId, category, major, reporter, location, description, fire, heading, kind,
                        occurredAt));
    }

    private Reported report(String shiftId, EntryCategory category, boolean major, String reporter, String location,
                           String description, FireDetails fire, String heading, IncidentKind kind,
                           Instant occurredAt) {
        desk.lock();
        Instant at = occurredAt == null ? clock.instant() : occurredAt;
        String page = shiftId != null && shifts.isOpen(shiftId).orElse(false) ? shiftId
                : shifts.currentShiftId().orElse(null);
        String incidentId = UUID.randomUUID().toString();
        String actor = CurrentUser.get().username();
        commands.send(new ReportIncidentCommand(incidentId, page, category, major, reporter, location,
                description, fire, heading, kind, at, actor, clock.instant()));
        String what = fire == null || category != EntryCategory.FIRE ? description
                : description + " — 火灾地点 / место пожара: " + fire.fireLocation() + ", " + fire.burning();
        if (kind != null) {
            what = KINDS.get(kind) + ": " + what;
        }
        String handling = "reported by " + reporter + " at " + location + "; emergency incident form " + incidentId;
        if (kind != null) {
            handling += "; CS manager and CS head notified at once (D14)";
        }
        if (page == null) {
            handling += "; reported at " + clock.instant() + " while no shift was open";
        }
        Optional<DutyDays.Written> written = enter(new WaitingEntry(incidentId, at, category,
                "紧急情况 / ЧП: " + what, handling, actor), page);
        return new Reported(incidentId, category == EntryCategory.FIRE || major, page, days.dayOf(at),
                written.map(DutyDays.Written::addendum).orElse(null), written.isEmpty());
    }

    /**
     * Writes the entries of incidents reported while no shift was open into a shift just opened (D12), under the
     * desk's lock: each on its day's page, or in its day's addendum once that day is signed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeWaitingInto(String shiftId) {
        jdbc.query("select * from pending_incident_entry order by occurred_at, position",
                (rs, row) -> new WaitingEntry(rs.getString("incident_id"), rs.getTimestamp("occurred_at").toInstant(),
                        EntryCategory.valueOf(rs.getString("category")), rs.getString("description"),
                        rs.getString("handling"), rs.getString("recorded_by")))
            .forEach(waiting -> {
                enter(waiting, shiftId);
                jdbc.update("delete from pending_incident_entry where incident_id = ?", waiting.incidentId());
            });
    }

    /** An incident's entry in the log, as it is written or while it waits for a page. */
    private record WaitingEntry(String incidentId, Instant occurredAt, EntryCategory category, String description,
                                String handling, String recordedBy) {
    }

    /** Answers where the entry went; empty while it waits for a page. */
    private Optional<DutyDays.Written> enter(WaitingEntry entry, String page) {
        LocalDate day = days.dayOf(entry.occurredAt());
        String entryId = UUID.randomUUID().toString();
        String reference = "incident:" + entry.incidentId();
        if (days.isSealed(day)) {
            return Optional.of(days.addToAddendum(new RecordAddendumEntryCommand(day, entryId, page,
                    entry.occurredAt(), entry.category(), entry.description(), entry.handling(), null, reference,
                    null, entry.recordedBy(), clock.instant())));
        }
        if (page == null) {
            jdbc.update("""
                    insert into pending_incident_entry (incident_id, occurred_at, category, description, handling,
                        recorded_by, reported_at) values (?, ?, ?, ?, ?, ?, ?)""",
                    entry.incidentId(), Timestamp.from(entry.occurredAt()), entry.category().name(),
                    entry.description(), entry.handling(), entry.recordedBy(), Timestamp.from(clock.instant()));
            return Optional.empty();
        }
        commands.send(new RecordEntryCommand(page, entryId, entry.occurredAt(), entry.category(),
                entry.description(), entry.handling(), null, reference, entry.recordedBy(), clock.instant()));
        return Optional.of(new DutyDays.Written(entryId, day, null));
    }

    /** Attaches an on-site photo; only JPEG and PNG, told by their first bytes. */
    @Transactional
    public String attachPhoto(String incidentId, byte[] data) {
        String contentType = FileType.of(data).filter(FileType::image).map(FileType::contentType)
                .orElseThrow(() -> new UnsupportedPhoto("a photo must be a JPEG or PNG image; these bytes are neither"));
        String photoId = UUID.randomUUID().toString();
        String sha256 = sha256(data);
        String actor = CurrentUser.get().username();
        Instant now = clock.instant();
        commands.send(new AttachPhotoCommand(incidentId, photoId, contentType, data.length, sha256, actor, now));
        jdbc.update("""
                insert into incident_photo (id, incident_id, content_type, size_bytes, sha256, data, uploaded_by,
                    uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                photoId, incidentId, contentType, data.length, sha256, data, actor, Timestamp.from(now));
        return photoId;
    }

    /** A step of a fire's checklist done by the caller, now (D13). */
    @Transactional
    public void tickFireStep(String incidentId, FireStep step, String note) {
        commands.send(new TickFireStepCommand(incidentId, step, note, CurrentUser.get().username(), clock.instant()));
    }

    /** A step of a fire's checklist not needed, for a reason, as the caller says now (D13). */
    @Transactional
    public void markFireStepNotNeeded(String incidentId, FireStep step, String reason) {
        commands.send(new MarkFireStepNotNeededCommand(incidentId, step, reason, CurrentUser.get().username(),
                clock.instant()));
    }

    /** The caller (CS manager, CS head) has been told of the incident: for each of their roles still to be (D14). */
    @Transactional
    public void acknowledgeNotice(String incidentId) {
        CurrentUser caller = CurrentUser.get();
        commands.send(new AcknowledgeNoticeCommand(incidentId, caller.roles(), caller.username(), clock.instant()));
    }

    @Transactional
    public void resolve(String incidentId, String outcome) {
        commands.send(new ResolveIncidentCommand(incidentId, outcome, CurrentUser.get().username(), clock.instant()));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
