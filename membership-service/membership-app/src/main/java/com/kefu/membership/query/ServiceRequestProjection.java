package com.kefu.membership.query;

import com.kefu.membership.api.ServiceRequestCancelledEvent;
import com.kefu.membership.api.ServiceRequestCompletedEvent;
import com.kefu.membership.api.ServiceRequestRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The front desk's service requests (M5), each with where it stands; idempotent writes. */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class ServiceRequestProjection {

    private final JdbcTemplate jdbc;

    ServiceRequestProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ServiceRequestRegisteredEvent event) {
        jdbc.update("""
                insert into service_request_view (id, number, kind, member_id, details, status, registered_by,
                    registered_at)
                values (?, ?, ?, ?, ?, 'REGISTERED', ?, ?) on conflict (id) do nothing""",
                event.requestId(), event.number(), event.kind().name(), event.memberId(), event.details(),
                event.registeredBy(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(ServiceRequestCompletedEvent event) {
        close(event.requestId(), "DONE", event.completedBy(), event.completedAt(), event.note());
    }

    @EventHandler
    void on(ServiceRequestCancelledEvent event) {
        close(event.requestId(), "CANCELLED", event.cancelledBy(), event.cancelledAt(), event.reason());
    }

    private void close(String id, String status, String by, java.time.Instant at, String note) {
        jdbc.update("update service_request_view set status = ?, closed_by = ?, closed_at = ?, note = ? where id = ?",
                status, by, Timestamp.from(at), note, id);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from service_request_view");
    }
}
