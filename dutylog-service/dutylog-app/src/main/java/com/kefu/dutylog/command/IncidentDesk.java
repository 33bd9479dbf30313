package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Emergency incidents (D4, D10): the form, its entry in the shift's log, its on-site photos, its resolution.
 * Photos are kept in PostgreSQL with their SHA-256; the events carry the hash, not the bytes.
 */
@Service
public class IncidentDesk {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Commands commands;
    private final DutyDays days;
    private final DutyDeskLock desk;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    IncidentDesk(Commands commands, DutyDays days, DutyDeskLock desk, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.days = days;
        this.desk = desk;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the incident's form and writes it into the shift's log, which must be open. */
    @Transactional
    public String report(String shiftId, EntryCategory category, boolean major, String reporter, String location,
                         String description, FireDetails fire, Instant occurredAt) {
        desk.lock();
        Instant at = occurredAt == null ? clock.instant() : occurredAt;
        days.requireUnsealed(days.dayOf(at));
        String incidentId = UUID.randomUUID().toString();
        String actor = CurrentUser.get().username();
        commands.send(new ReportIncidentCommand(incidentId, shiftId, category, major, reporter, location,
                description, fire, at, actor, clock.instant()));
        String what = fire == null || category != EntryCategory.FIRE ? description
                : description + " — 火灾地点 / место пожара: " + fire.fireLocation() + ", " + fire.burning();
        commands.send(new RecordEntryCommand(shiftId, UUID.randomUUID().toString(), at, category,
                "紧急情况 / ЧП: " + what, "reported by " + reporter + " at " + location
                        + "; emergency incident form " + incidentId, null, "incident:" + incidentId, actor,
                clock.instant()));
        return incidentId;
    }

    /** Attaches an on-site photo; only JPEG and PNG, told by their first bytes. */
    @Transactional
    public String attachPhoto(String incidentId, byte[] data) {
        String contentType = startsWith(data, JPEG) ? "image/jpeg" : startsWith(data, PNG) ? "image/png" : null;
        if (contentType == null) {
            throw new UnsupportedPhoto("a photo must be a JPEG or PNG image; these bytes are neither");
        }
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

    @Transactional
    public void resolve(String incidentId, String outcome) {
        commands.send(new ResolveIncidentCommand(incidentId, outcome, CurrentUser.get().username(), clock.instant()));
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
