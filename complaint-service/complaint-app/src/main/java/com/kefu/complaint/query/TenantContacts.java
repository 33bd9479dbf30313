package com.kefu.complaint.query;

import com.kefu.platform.privacy.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of the requests for a tenant's contact. Nothing here knows, or could give, a tenant's number. */
@Component
public class TenantContacts {

    public record TenantContactView(String id, String tenant, String enquirerName, String enquirerMaskedPhone,
                                    String purpose, String status, String requestedBy, Instant requestedAt,
                                    String notifiedBy, Instant notifiedAt, String notifiedHow,
                                    String tenantResponse) {
    }

    private static final RowMapper<TenantContactView> VIEW = (rs, row) -> new TenantContactView(
            rs.getString("id"), rs.getString("tenant"), Masking.name(rs.getString("enquirer_name")),
            rs.getString("enquirer_masked_phone"), rs.getString("purpose"), rs.getString("status"),
            rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("notified_by"),
            instant(rs.getTimestamp("notified_at")), rs.getString("notified_how"), rs.getString("tenant_response"));

    private final JdbcTemplate jdbc;

    TenantContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<TenantContactView> find(String id) {
        return jdbc.query("select * from tenant_contact_view where id = ?", VIEW, id).stream().findFirst();
    }

    /** The open ones first (the desk still has to tell the tenant), then the newest. */
    public List<TenantContactView> list(String status, int page, int size) {
        return jdbc.query("""
                select * from tenant_contact_view where (cast(? as varchar) is null or status = ?)
                order by status = 'TENANT_NOTIFIED', requested_at desc, id limit ? offset ?""",
                VIEW, status, status, size, (long) page * size);
    }
}
