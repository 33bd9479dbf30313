package com.kefu.broadcast.web;

import com.kefu.broadcast.query.AiringQueries.Airing;
import com.kefu.platform.web.Csv;
import com.kefu.platform.web.Xlsx;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The day's programme log (B4) as CSV or XLSX: a line per language aired, times in station time. */
final class ProgrammeLog {

    private static final List<String> HEADER = List.of("aired_at", "language", "programme", "title", "script_id",
            "version", "template", "emergency", "incident_id", "aired_by");

    private ProgrammeLog() {
    }

    static byte[] csv(List<Airing> airings, ZoneId zone) {
        return Csv.write(HEADER, rows(airings, zone));
    }

    /** The same columns and rows as a spreadsheet. */
    static byte[] xlsx(List<Airing> airings, ZoneId zone) {
        return Xlsx.write("programme-log", HEADER, rows(airings, zone));
    }

    private static List<List<Object>> rows(List<Airing> airings, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        return airings.stream().map(airing -> Arrays.<Object>asList(
                time.format(airing.airedAt()), airing.language(), airing.programme(), airing.title(),
                airing.scriptId(), airing.version(), airing.template(), airing.emergency(), airing.incidentId(),
                airing.airedBy())).toList();
    }
}
