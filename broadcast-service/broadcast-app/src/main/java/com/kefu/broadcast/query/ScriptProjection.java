package com.kefu.broadcast.query;

import com.kefu.broadcast.api.ScriptDraftedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The script read model, built by a pooled streaming processor in batches and rebuilt by replaying the
 * event store. Writes are idempotent, so a batch handled again after a failure changes nothing.
 */
@Component
@ProcessingGroup(ScriptProjection.PROCESSING_GROUP)
class ScriptProjection {

    static final String PROCESSING_GROUP = "script-view";

    private final JdbcTemplate jdbc;

    ScriptProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScriptDraftedEvent event) {
        jdbc.update("""
                insert into script_view (id, version, status, title, programme, text_zh, text_ru, author, drafted_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.scriptId(), event.version(), event.title(), event.programme(), event.textZh(),
                event.textRu(), event.author(), Timestamp.from(event.draftedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from script_view");
    }
}
