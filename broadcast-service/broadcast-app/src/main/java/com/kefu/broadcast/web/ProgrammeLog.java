package com.kefu.broadcast.web;

import com.kefu.broadcast.query.AiringQueries.Airing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** The day's programme log (B4) as CSV (RFC 4180): a line per language aired, times in station time. */
final class ProgrammeLog {

    private static final String HEADER = "aired_at,language,programme,title,script_id,version,template,emergency,"
            + "incident_id,aired_by";

    private ProgrammeLog() {
    }

    static String csv(List<Airing> airings, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Airing airing : airings) {
            csv.append(String.join(",", time.format(airing.airedAt()), airing.language(), field(airing.programme()),
                    field(airing.title()), field(airing.scriptId()),
                    airing.version() == null ? "" : airing.version().toString(), field(airing.template()),
                    String.valueOf(airing.emergency()), field(airing.incidentId()), field(airing.airedBy())))
               .append("\r\n");
        }
        return csv.toString();
    }

    private static String field(String value) {
        String text = Objects.requireNonNullElse(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
