package com.kefu.broadcast.query;

import com.kefu.broadcast.event.ReviewNoteRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Content review notes per programme or column (B5). */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
class ReviewProjection {

    private final JdbcTemplate jdbc;

    ReviewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReviewNoteRecordedEvent event) {
        jdbc.update("""
                insert into review_note (id, programme, verdict, note, script_id, script_version, reviewer,
                                         recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.noteId(), event.programme(), event.verdict(), event.note(), event.scriptId(),
                event.scriptVersion(), event.reviewer(), Timestamp.from(event.recordedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from review_note");
    }
}
