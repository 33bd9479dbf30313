package com.kefu.complaint.command;


import com.kefu.complaint.command.AttachmentCommands.AddComplaintAttachmentCommand;
import com.kefu.complaint.command.AttachmentCommands.AddEnquiryAttachmentCommand;
import com.kefu.complaint.config.AttachmentProperties;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.files.FileType;
import com.kefu.platform.ids.RandomIdentifiers;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Letters, faxes, receipts and photos attached to complaints and enquiries (C16). The bytes are kept in this
 * service's PostgreSQL ({@code attachment}, beside the record's id), with their SHA-256 computed here; the record's
 * event carries type, size and hash, never the bytes or the file's name. Row and event are written in one
 * transaction: the list right after the answer shows the file. Erased with the customer's data (S3).
 */
@Service
public class Attachments {

    /** The kind of record a file is attached to. */
    public enum Owner { COMPLAINT, ENQUIRY }

    /** What the client is told of a file taken. */
    public record Added(String id, String sha256, String contentType, long size) {
    }

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AttachmentProperties properties;

    Attachments(Commands commands, JdbcTemplate jdbc, Clock clock, AttachmentProperties properties) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Attaches a file to a complaint or an enquiry as the signed-in user: a JPEG, PNG or PDF by its bytes, not empty,
     * at most {@code kefu.attachments.max-size}; a DEPARTMENT user only to a complaint it holds (S4); refused once the
     * record is archived (C8, C12).
     */
    @Transactional
    public Added add(Owner owner, String recordId, String fileName, byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidRequest("file: the file is empty; attach a JPEG, PNG or PDF");
        }
        if (data.length > properties.maxSize().toBytes()) {
            throw new AttachmentTooLarge("file: " + data.length + " bytes; a file is at most "
                    + properties.maxSize().toMegabytes() + " MB");
        }
        FileType type = FileType.of(data).orElseThrow(() -> new UnsupportedAttachment(
                "file: its bytes are none of the types taken: " + FileType.accepted()
                        + " (told by the content, not by the name or the declared type)"));
        String id = RandomIdentifiers.uuid().toString();
        String sha256 = sha256(data);
        CurrentUser user = CurrentUser.get();
        Instant now = clock.instant();
        commands.send(switch (owner) {
            case COMPLAINT -> new AddComplaintAttachmentCommand(recordId,
                    user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : null, id, type.contentType(), data.length,
                    sha256, user.username(), now);
            case ENQUIRY -> new AddEnquiryAttachmentCommand(recordId, id, type.contentType(), data.length, sha256,
                    user.username(), now);
        });
        jdbc.update("""
                insert into attachment (id, owner_kind, owner_id, file_name, content_type, size_bytes, sha256, data,
                    uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, owner.name(), recordId, fileName(fileName, type), type.contentType(), data.length, sha256, data,
                user.username(), Timestamp.from(now));
        return new Added(id, sha256, type.contentType(), data.length);
    }

    /**
     * The customer's data is erased (S3): the bytes of the record's files (a receipt shows a name, a photo a face) and
     * their names go; what the history holds of them stays (type, size, SHA-256, who, when).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Owner owner, String recordId) {
        jdbc.update("""
                update attachment set data = null, file_name = null, erased_at = ?
                where owner_kind = ? and owner_id = ? and erased_at is null""",
                Timestamp.from(clock.instant()), owner.name(), recordId);
    }

    /** The name as the client gave it, without a path, without control characters, at most 200 characters. */
    private static String fileName(String given, FileType type) {
        String name = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "attachment." + type.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
