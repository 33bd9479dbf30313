package com.kefu.broadcast.query;

import com.kefu.broadcast.api.ScriptApprovedEvent;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.api.ScriptRejectedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.broadcast.api.ScriptWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Scripts as the read model holds them: the latest version and the airable one, and every version. */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
class ScriptProjection {

    private final JdbcTemplate jdbc;

    ScriptProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScriptDraftedEvent event) {
        jdbc.update("""
                insert into script_view (id, version, status, title, programme, text_zh, text_ru, author, drafted_at,
                                         updated_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.scriptId(), event.version(), event.title(), event.programme(), event.textZh(),
                event.textRu(), event.author(), ts(event.draftedAt()), ts(event.draftedAt()));
        version(event.scriptId(), event.version(), event.title(), event.programme(), event.textZh(), event.textRu(),
                event.author(), event.draftedAt());
    }

    @EventHandler
    void on(ScriptRevisedEvent event) {
        jdbc.update("""
                update script_view set version = ?, status = 'DRAFT', title = ?, programme = ?, text_zh = ?,
                                       text_ru = ?, author = ?, drafted_at = ?, updated_at = ?
                where id = ?""",
                event.version(), event.title(), event.programme(), event.textZh(), event.textRu(), event.author(),
                ts(event.revisedAt()), ts(event.revisedAt()), event.scriptId());
        version(event.scriptId(), event.version(), event.title(), event.programme(), event.textZh(), event.textRu(),
                event.author(), event.revisedAt());
    }

    @EventHandler
    void on(ScriptSubmittedEvent event) {
        status(event.scriptId(), event.version(), "SUBMITTED", event.submittedAt());
    }

    @EventHandler
    void on(ScriptApprovedEvent event) {
        status(event.scriptId(), event.version(), "APPROVED", event.approvedAt());
        jdbc.update("update script_view set airable_version = ?, valid_from = ?, valid_until = ? where id = ?",
                event.version(), date(event.validFrom()), date(event.validUntil()), event.scriptId());
        decided(event.scriptId(), event.version(), event.approvedBy(), event.approvedAt(), null);
        jdbc.update("update script_version set valid_from = ?, valid_until = ? where script_id = ? and version = ?",
                date(event.validFrom()), date(event.validUntil()), event.scriptId(), event.version());
    }

    @EventHandler
    void on(ScriptRejectedEvent event) {
        status(event.scriptId(), event.version(), "REJECTED", event.rejectedAt());
        decided(event.scriptId(), event.version(), event.rejectedBy(), event.rejectedAt(), event.reason());
    }

    @EventHandler
    void on(ScriptWithdrawnEvent event) {
        jdbc.update("update script_view set status = 'WITHDRAWN', updated_at = ? where id = ?",
                ts(event.withdrawnAt()), event.scriptId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from script_version");
        jdbc.update("delete from script_view");
    }

    private void version(String scriptId, int version, String title, String programme, String textZh,
                         String textRu, String author, Instant at) {
        jdbc.update("""
                insert into script_version (script_id, version, title, programme, text_zh, text_ru, author,
                                            written_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT')
                on conflict (script_id, version) do nothing""",
                scriptId, version, title, programme, textZh, textRu, author, ts(at));
    }

    private void status(String scriptId, int version, String status, Instant at) {
        jdbc.update("update script_view set status = ?, updated_at = ? where id = ? and version = ?",
                status, ts(at), scriptId, version);
        jdbc.update("update script_version set status = ? where script_id = ? and version = ?",
                status, scriptId, version);
    }

    private void decided(String scriptId, int version, String by, Instant at, String reason) {
        jdbc.update("""
                update script_version set decided_by = ?, decided_at = ?, reason = ?
                where script_id = ? and version = ?""", by, ts(at), reason, scriptId, version);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
