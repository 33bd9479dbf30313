package com.kefu.broadcast.query;

import com.kefu.broadcast.api.EmergencyAiredEvent;
import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.api.ScriptAiredEvent;
import com.kefu.platform.time.MallTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The programme log (B4): a line per language that aired, on the station's day it aired. An emergency airs both
 * languages, so it makes two lines (B7).
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
class AiringProjection {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    AiringProjection(JdbcTemplate jdbc, MallTime mallTime) {
        this.jdbc = jdbc;
        this.zone = mallTime.zone();
    }

    @EventHandler
    void on(ScriptAiredEvent event) {
        insert(event.airingId(), event.airedAt(), 0, event.scriptId(), event.version(), null, event.language(),
                event.title(), event.programme(), false, null, event.airedBy());
    }

    @EventHandler
    void on(EmergencyAiredEvent event) {
        for (int position = 0; position < event.languages().size(); position++) {
            Language language = event.languages().get(position);
            insert(event.emergencyId() + ":" + language.code(), event.airedAt(), position, null, null,
                    event.template(), language, event.title(), "EMERGENCY", true, event.incidentId(),
                    event.airedBy());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from airing");
    }

    private void insert(String id, Instant at, int position, String scriptId, Integer version, String template,
                        Language language, String title, String programme, boolean emergency, String incidentId,
                        String airedBy) {
        jdbc.update("""
                insert into airing (id, day, aired_at, position, script_id, version, template, language, title,
                                    programme, emergency, incident_id, aired_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                id, Date.valueOf(at.atZone(zone).toLocalDate()), Timestamp.from(at), position, scriptId, version,
                template, language.code(), title, programme, emergency, incidentId, airedBy);
    }
}
