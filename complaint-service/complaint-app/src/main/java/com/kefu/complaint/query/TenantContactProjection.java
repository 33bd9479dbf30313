package com.kefu.complaint.query;

import com.kefu.complaint.event.TenantContactRequestedEvent;
import com.kefu.complaint.event.TenantNotifiedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The requests for a tenant's contact and whether the tenant was told; the enquirer's phone only masked. */
@Component
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class TenantContactProjection {

    private final JdbcTemplate jdbc;

    TenantContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenantContactRequestedEvent event) {
        jdbc.update("""
                insert into tenant_contact_view (id, tenant, enquirer_name, enquirer_masked_phone, purpose, status,
                    requested_by, requested_at)
                values (?, ?, ?, ?, ?, 'REQUESTED', ?, ?) on conflict (id) do nothing""",
                event.requestId(), event.tenant(), event.enquirerName(), event.enquirerMaskedPhone(), event.purpose(),
                event.requestedBy(), Timestamp.from(event.requestedAt()));
    }

    @EventHandler
    void on(TenantNotifiedEvent event) {
        jdbc.update("""
                update tenant_contact_view set status = 'TENANT_NOTIFIED', notified_by = ?, notified_at = ?,
                    notified_how = ?, tenant_response = ? where id = ?""",
                event.notifiedBy(), Timestamp.from(event.notifiedAt()), event.how(), event.tenantResponse(),
                event.requestId());
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("update tenant_contact_view set enquirer_name = ?, enquirer_masked_phone = null where id = ?",
                Masking.ERASED, event.subject());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from tenant_contact_view");
    }
}
