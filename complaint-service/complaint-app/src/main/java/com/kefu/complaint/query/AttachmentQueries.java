package com.kefu.complaint.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files attached to a complaint or an enquiry (C16), as command/Attachments keeps them: written in the same
 * transaction as the record's event, so a read right after the upload sees them. {@code kind}: {@code COMPLAINT} or
 * {@code ENQUIRY}; a file is found only under its own record and kind.
 */
@Component
public class AttachmentQueries {

    public static final String COMPLAINT = "COMPLAINT";
    public static final String ENQUIRY = "ENQUIRY";

    private final JdbcTemplate jdbc;

    AttachmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One file as the list shows it; {@code fileName} null and {@code erased} true once the customer's data was erased
     * (S3): its bytes are gone, its hash stays.
     */
    public record AttachmentView(String id, String fileName, String contentType, long size, String sha256,
                                 String uploadedBy, Instant uploadedAt, boolean erased, Instant erasedAt) {
    }

    /** A file's bytes as uploaded. */
    public record Content(String fileName, String contentType, String sha256, byte[] data) {
    }

    /** Oldest first. */
    public List<AttachmentView> list(String kind, String recordId) {
        return jdbc.query("""
                select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, erased_at
                from attachment where owner_kind = ? and owner_id = ? order by uploaded_at, id""",
                (rs, row) -> new AttachmentView(rs.getString("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getTimestamp("erased_at") != null,
                        rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant()),
                kind, recordId);
    }

    public Optional<AttachmentView> find(String kind, String recordId, String attachmentId) {
        return list(kind, recordId).stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    /** The bytes of a file not erased. */
    public Optional<Content> content(String kind, String recordId, String attachmentId) {
        return jdbc.query("""
                select file_name, content_type, sha256, data from attachment
                where owner_kind = ? and owner_id = ? and id = ? and data is not null""",
                (rs, row) -> new Content(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getString("sha256"), rs.getBytes("data")),
                kind, recordId, attachmentId).stream().findFirst();
    }
}
