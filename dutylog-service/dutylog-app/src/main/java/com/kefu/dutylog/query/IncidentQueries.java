package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.FireStep;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of incidents and their photos. */
@Component
public class IncidentQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IncidentQueries(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A photo's bytes as they were uploaded, with the type read from them and their SHA-256. */
    public record PhotoContent(String contentType, byte[] data, String sha256) {
    }

    public Optional<IncidentView> find(String id) {
        List<IncidentView.Photo> photos = jdbc.query("""
                        select id, content_type, size_bytes, sha256, uploaded_by, uploaded_at from incident_photo
                        where incident_id = ? order by uploaded_at, id""",
                (rs, row) -> new IncidentView.Photo(rs.getString("id"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        "/api/incidents/" + id + "/photos/" + rs.getString("id")), id);
        return jdbc.query("select *, fire::text as fire_json from incident_view where id = ?",
                (rs, row) -> new IncidentView(rs.getString("id"), rs.getString("shift_id"), rs.getString("category"),
                        rs.getBoolean("major"), rs.getString("reporter"), rs.getString("location"),
                        rs.getString("description"), tree(rs.getString("fire_json")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(), rs.getTimestamp("resolved_at") != null,
                        rs.getString("outcome"), rs.getString("resolved_by"), instant(rs.getTimestamp("resolved_at")),
                        photos, checklist(id, rs.getString("reporter"), rs.getString("location"),
                        rs.getString("heading")), rs.getString("kind"), notice(id)), id).stream().findFirst();
    }

    /** Who is to be told at once and who was, when (D14); null for an incident of no kind. */
    private IncidentView.Notice notice(String id) {
        List<Object[]> rows = jdbc.query("""
                        select role, sent_at, acknowledged_by, acknowledged_at from incident_notice_view
                        where incident_id = ? order by case role when 'CS_MANAGER' then 0 else 1 end""",
                (rs, row) -> new Object[] {new IncidentView.Told(rs.getString("role"), rs.getString("acknowledged_by"),
                        instant(rs.getTimestamp("acknowledged_at"))), rs.getTimestamp("sent_at").toInstant()}, id);
        if (rows.isEmpty()) {
            return null;
        }
        List<IncidentView.Told> told = rows.stream().map(row -> (IncidentView.Told) row[0]).toList();
        return new IncidentView.Notice((Instant) rows.get(0)[1], told,
                told.stream().filter(t -> t.by() == null).map(IncidentView.Told::role).toList());
    }

    /** A fire's checklist in the rulebook's order (the order of {@code FireStep}); null for other incidents. */
    private IncidentView.FireChecklist checklist(String id, String reporter, String position, String heading) {
        List<IncidentView.Step> steps = jdbc.query("select * from fire_step_view where incident_id = ?",
                (rs, row) -> new IncidentView.Step(rs.getString("step"), rs.getString("status"),
                        rs.getString("done_by"), instant(rs.getTimestamp("done_at")), rs.getString("note"),
                        rs.getString("reason")), id);
        if (steps.isEmpty()) {
            return null;
        }
        List<IncidentView.Step> ordered = steps.stream()
                .sorted(java.util.Comparator.comparing(step -> FireStep.valueOf(step.step()))).toList();
        return new IncidentView.FireChecklist(reporter, position, heading, ordered, ordered.stream()
                .filter(step -> "OPEN".equals(step.status())).map(IncidentView.Step::step).toList());
    }

    public Optional<PhotoContent> photo(String incidentId, String photoId) {
        return jdbc.query("select content_type, data, sha256 from incident_photo where incident_id = ? and id = ?",
                (rs, row) -> new PhotoContent(rs.getString("content_type"), rs.getBytes("data"),
                        rs.getString("sha256")), incidentId, photoId).stream().findFirst();
    }

    /** The duty day of an incident (when it happened, in the mall's time zone). */
    public Optional<LocalDate> dayOf(String incidentId) {
        return jdbc.queryForList("select duty_day from incident_view where id = ?", java.sql.Date.class, incidentId)
                   .stream().findFirst().map(java.sql.Date::toLocalDate);
    }

    public List<String> incidentsOn(LocalDate day) {
        return jdbc.queryForList("select id from incident_view where duty_day = ? order by reported_at",
                String.class, java.sql.Date.valueOf(day));
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
