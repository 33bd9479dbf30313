package com.kefu.broadcast.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kefu.broadcast.Calls.AUDITOR;
import static com.kefu.broadcast.Calls.BROADCASTER;
import static com.kefu.broadcast.Calls.FRONT_DESK;
import static com.kefu.broadcast.Calls.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station through the API, against real PostgreSQL and Kafka: the plan (B1), content review (B5), equipment
 * (B6), the programme log's export (B4). espeak-ng is pointed at a path where it is not, as on a host without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.broadcast.espeak=/nonexistent/espeak-ng")
class StationApiTest extends ServiceTest {

    @Autowired
    MutableClock clock;

    private Calls calls() {
        return new Calls(api());
    }

    private LocalDate today() {
        return clock.today();
    }

    private static Map<String, Object> slot(String time, String programme, String scriptId) {
        return new HashMap<>(Map.of("time", time, "programme", programme, "scriptId", scriptId));
    }

    private static JsonNode slotAt(JsonNode plan, String time) {
        for (JsonNode slot : plan.get("slots")) {
            if (slot.get("time").asText().startsWith(time)) {
                return slot;
            }
        }
        throw new AssertionError("no slot at " + time + " in " + plan);
    }

    /** The slot at {@code time} exists and has these flags (with none given: has no flag at all). */
    private static boolean flagged(JsonNode plan, String time, String... flags) {
        for (JsonNode slot : plan.get("slots")) {
            if (slot.get("time").asText().startsWith(time)) {
                List<String> actual = toList(slot.get("flags"));
                return flags.length == 0 ? actual.isEmpty() : actual.containsAll(List.of(flags));
            }
        }
        return false;
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }

    @Test
    @DisplayName("B1 the day's plan lists its slots and the recurring opening and closing in time order, flagging every slot whose script cannot air that day")
    void plan() {
        Calls calls = calls();
        LocalDate day = today().plusDays(1);
        String plans = "/api/plans/" + day;
        String approved = calls.approved(Scripts.opening("plan-approved"), null);
        String draft = calls.draft(Scripts.of("PROMOTIONS", "plan-draft"));
        String expired = calls.approved(Scripts.of("NOTICES", "plan-expired"),
                Map.of("validUntil", today().toString()));
        String withdrawn = calls.approved(Scripts.of("NOTICES", "plan-withdrawn"), null);
        calls.expect(200, BROADCASTER, "/api/scripts/" + withdrawn + "/withdraw", null);
        String closing = calls.approved(Scripts.of("CLOSING", "plan-closing"),
                Map.of("validFrom", day.plusDays(1).toString()));

        calls.expect(201, BROADCASTER, plans + "/slots", slot("10:00", "OPENING", approved));
        calls.expect(201, BROADCASTER, plans + "/slots", slot("11:30", "PROMOTIONS", draft));
        calls.expect(201, BROADCASTER, plans + "/slots", slot("12:00", "NOTICES", expired));
        calls.expect(201, BROADCASTER, plans + "/slots", slot("13:00", "NOTICES", withdrawn));
        var recurring = calls.call(HttpMethod.PUT, BROADCASTER, "/api/plans/recurring-slots/closing",
                Map.of("time", "21:30", "programme", "CLOSING", "scriptId", closing));
        assertThat(recurring.getStatusCode().value()).isEqualTo(200);

        Calls.assertProblem(calls.post(BROADCASTER, plans + "/slots", slot("10:00", "OPENING", approved)), 409,
                "slot-taken", "10:00");
        Calls.assertProblem(calls.post(BROADCASTER, "/api/plans/" + today().minusDays(1) + "/slots",
                slot("10:00", "OPENING", approved)), 409, "plan-in-the-past");
        Calls.assertProblem(calls.post(BROADCASTER, plans + "/slots",
                slot("14:00", "OPENING", UUID.randomUUID().toString())), 400, "names no script");
        Calls.assertProblem(calls.post(BROADCASTER, plans + "/slots", Map.of("time", "14:00", "programme", "X")),
                400, "scriptId");
        Calls.assertProblem(calls.post(BROADCASTER, "/api/plans/tomorrow/slots", slot("14:00", "X", approved)),
                400);
        Calls.assertProblem(calls.post(FRONT_DESK, plans + "/slots", slot("14:00", "OPENING", approved)), 403);

        JsonNode plan = calls.await(plans, p -> p.get("slots").size() == 6
                && flagged(p, "13:00", "SCRIPT_WITHDRAWN") && flagged(p, "12:00", "SCRIPT_EXPIRED"));
        assertThat(plan.get("slots")).extracting(slot -> slot.get("time").asText())
                .containsExactly("09:00:00", "10:00:00", "11:30:00", "12:00:00", "13:00:00", "21:30:00");
        assertThat(toList(slotAt(plan, "09:00").get("flags"))).containsExactly("NO_SCRIPT");
        assertThat(slotAt(plan, "09:00").get("recurring").asBoolean()).isTrue();
        assertThat(toList(slotAt(plan, "10:00").get("flags"))).isEmpty();
        assertThat(slotAt(plan, "10:00").get("airableVersion").asInt()).isEqualTo(1);
        assertThat(toList(slotAt(plan, "11:30").get("flags"))).containsExactly("SCRIPT_NOT_APPROVED");
        assertThat(toList(slotAt(plan, "12:00").get("flags"))).containsExactly("SCRIPT_EXPIRED");
        assertThat(toList(slotAt(plan, "13:00").get("flags"))).containsExactly("SCRIPT_WITHDRAWN");
        assertThat(toList(slotAt(plan, "21:30").get("flags"))).containsExactly("SCRIPT_NOT_YET_VALID");
        assertThat(plan.get("flagged").asInt()).isEqualTo(5);

        String slotId = slotAt(plan, "11:30").get("slotId").asText();
        assertThat(calls.call(HttpMethod.DELETE, BROADCASTER, plans + "/slots/" + slotId, null)
                .getStatusCode().value()).isEqualTo(204);
        calls.await(plans, p -> p.get("slots").size() == 5);
        assertThat(calls.get(SUPERVISOR, plans).getStatusCode().value()).isEqualTo(200);
        assertThat(calls.get(FRONT_DESK, plans).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    @DisplayName("B6 API-IDEM the equipment list, maintenance records and faults (each recorded once when sent again with the same Idempotency-Key); a fault on a slot's equipment shows in the plan until it is cleared")
    void equipment() {
        Calls calls = calls();
        String mixer = calls.expect(201, BROADCASTER, "/api/equipment",
                Map.of("name", "调音台 Mixer", "location", "广播站")).get("id").asText();
        String amplifier = calls.expect(201, BROADCASTER, "/api/equipment",
                Map.of("name", "功放 Amplifier", "location", "B1")).get("id").asText();
        String maintenanceKey = UUID.randomUUID().toString();
        Map<String, Object> maintenance = Map.of("description", "清洁推子 cleaned the faders", "performedBy", "technician");
        JsonNode maintained = postWithKey(maintenanceKey, "/api/equipment/" + mixer + "/maintenance", maintenance);
        assertThat(postWithKey(maintenanceKey, "/api/equipment/" + mixer + "/maintenance", maintenance))
                .isEqualTo(maintained);
        Calls.assertProblem(calls.post(BROADCASTER, "/api/equipment/" + mixer + "/maintenance", Map.of()), 400,
                "description");
        Calls.assertProblem(calls.post(FRONT_DESK, "/api/equipment/" + mixer + "/maintenance",
                Map.of("description", "x")), 403);
        Calls.assertProblem(calls.post(BROADCASTER, "/api/equipment/" + UUID.randomUUID() + "/maintenance",
                Map.of("description", "x")), 404);

        String script = calls.approved(Scripts.opening("equipment"), null);
        LocalDate day = today().plusDays(2);
        Map<String, Object> slot = slot("10:00", "OPENING", script);
        slot.put("equipmentId", mixer);
        calls.expect(201, BROADCASTER, "/api/plans/" + day + "/slots", slot);
        Map<String, Object> other = slot("11:00", "OPENING", script);
        other.put("equipmentId", amplifier);
        calls.expect(201, BROADCASTER, "/api/plans/" + day + "/slots", other);

        String faultKey = UUID.randomUUID().toString();
        Map<String, Object> hum = Map.of("description", "2号通道有杂音 channel 2 hums");
        String fault = postWithKey(faultKey, "/api/equipment/" + mixer + "/faults", hum).get("id").asText();
        assertThat(postWithKey(faultKey, "/api/equipment/" + mixer + "/faults", hum).get("id").asText())
                .isEqualTo(fault);
        JsonNode plan = calls.await("/api/plans/" + day,
                p -> flagged(p, "10:00", "EQUIPMENT_FAULT"));
        assertThat(slotAt(plan, "10:00").get("equipmentStatus").asText()).isEqualTo("FAULTY");
        assertThat(toList(slotAt(plan, "11:00").get("flags"))).isEmpty();

        JsonNode list = calls.await("/api/equipment", l -> l.size() >= 2);
        assertThat(list).anySatisfy(item -> {
            assertThat(item.get("id").asText()).isEqualTo(mixer);
            assertThat(item.get("status").asText()).isEqualTo("FAULTY");
            assertThat(item.get("lastMaintainedAt").isNull()).isFalse();
        });

        calls.expect(200, BROADCASTER, "/api/equipment/" + mixer + "/faults/" + fault + "/clear",
                Map.of("repair", "换了线 cable replaced"));
        Calls.assertProblem(calls.post(BROADCASTER, "/api/equipment/" + mixer + "/faults/" + fault + "/clear",
                Map.of("repair", "again")), 409, "fault-already-cleared");
        calls.await("/api/plans/" + day, p -> flagged(p, "10:00"));
        JsonNode record = calls.await("/api/equipment/" + mixer, e -> e.get("status").asText().equals("OK"));
        assertThat(record.get("maintenance")).hasSize(1);
        assertThat(record.get("maintenance").get(0).get("performedBy").asText()).isEqualTo("technician");
        assertThat(record.get("maintenance").get(0).get("recordedBy").asText()).isEqualTo("broadcaster");
        assertThat(record.get("faults")).hasSize(1);
        assertThat(record.get("faults").get(0).get("repair").asText()).isEqualTo("换了线 cable replaced");
    }

    /** A create sent with {@code Idempotency-Key}: its 201 answer. */
    private JsonNode postWithKey(String key, String path, Map<String, Object> body) {
        var answer = api().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, BROADCASTER).header("Idempotency-Key", key).body(body)
                .retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody();
    }

    @Test
    @DisplayName("B5 content review notes are kept per programme; a NEEDS_CHANGES verdict flags the programme's slots until a SOUND one")
    void review() {
        Calls calls = calls();
        String programme = "PROMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String script = calls.approved(Scripts.of(programme, "reviewed"), null);
        LocalDate day = today().plusDays(3);
        calls.expect(201, BROADCASTER, "/api/plans/" + day + "/slots", slot("15:00", programme, script));

        calls.expect(201, SUPERVISOR, "/api/programmes/" + programme + "/reviews",
                Map.of("verdict", "NEEDS_CHANGES", "note", "价格信息不完整 prices missing", "scriptId", script,
                        "scriptVersion", 1));
        Calls.assertProblem(calls.post(BROADCASTER, "/api/programmes/" + programme + "/reviews",
                Map.of("verdict", "SOUND")), 400, "note");
        Calls.assertProblem(calls.post(BROADCASTER, "/api/programmes/OTHER/reviews",
                Map.of("verdict", "SOUND", "note", "x", "scriptId", script)), 400, "belongs to programme");
        Calls.assertProblem(calls.post(AUDITOR, "/api/programmes/" + programme + "/reviews",
                Map.of("verdict", "SOUND", "note", "x")), 403);
        calls.await("/api/plans/" + day,
                p -> flagged(p, "15:00", "PROGRAMME_NEEDS_CHANGES"));

        calls.expect(201, BROADCASTER, "/api/programmes/" + programme + "/reviews",
                Map.of("verdict", "SOUND", "note", "已补充价格 prices added"));
        JsonNode notes = calls.await("/api/programmes/" + programme + "/reviews", n -> n.size() == 2);
        assertThat(notes).extracting(note -> note.get("verdict").asText()).containsExactly("NEEDS_CHANGES", "SOUND");
        assertThat(notes.get(0).get("reviewer").asText()).isEqualTo("supervisor");
        assertThat(notes.get(0).get("scriptVersion").asInt()).isEqualTo(1);
        assertThat(calls.get(AUDITOR, "/api/programmes/OTHER/reviews").getBody()).isEmpty();
        calls.await("/api/plans/" + day, p -> flagged(p, "15:00"));
    }

    @Test
    @DisplayName("B4 the day's programme log exports as CSV and XLSX: time, language, programme, title, script, "
            + "version, who; a wrong format is a 400")
    void programmeLogExport() {
        Calls calls = calls();
        String script = calls.approved(Scripts.opening("营业, \"开场\""), null);
        String airing = calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", script, "language", "zh"))
                .get("id").asText();
        calls.await("/api/airings?date=" + today(), log -> log.toString().contains(airing));
        var export = api().get().uri("/api/airings/export?date={date}", today())
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).retrieve().toEntity(String.class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(export.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("programme-log-" + today() + ".csv");
        assertThat(export.getBody()).as("the UTF-8 byte-order mark Excel needs for Chinese").startsWith("\uFEFF");
        String[] lines = export.getBody().substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("aired_at,language,programme,title,script_id,version,template,emergency,"
                + "incident_id,aired_by");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains(",zh,OPENING,\"营业, \"\"开场\"\"\"," + script + ",1,,false,,broadcaster")
                .startsWith(today().toString()));
        var accepted = api().get().uri("/api/airings?date={date}", today())
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).header(HttpHeaders.ACCEPT, "text/csv")
                .retrieve().toEntity(String.class);
        assertThat(accepted.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(accepted.getBody()).contains(script);
        assertThat(calls.get(FRONT_DESK, "/api/airings").getStatusCode().value()).isEqualTo(403);

        // issue 19 item 7: the same rows as a spreadsheet, by Accept or by format, as many as the JSON list's
        List<String> header = List.of(lines[0].split(","));
        int aired = calls.get(AUDITOR, "/api/airings?date=" + today()).getBody().size();
        for (String uri : List.of("/api/airings?date=" + today(), "/api/airings?format=xlsx&date=" + today(),
                "/api/airings/export?format=xlsx&date=" + today())) {
            var xlsx = api().get().uri(uri).header(HttpHeaders.AUTHORIZATION, AUDITOR)
                    .header(HttpHeaders.ACCEPT, uri.contains("format") ? "*/*" : XLSX).retrieve()
                    .toEntity(byte[].class);
            assertThat(xlsx.getStatusCode().value()).as(uri).isEqualTo(200);
            assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(XLSX);
            assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("programme-log-" + today() + ".xlsx");
            List<List<String>> rows = sheet(xlsx.getBody());
            assertThat(rows).hasSize(aired + 1);
            assertThat(rows.get(0)).isEqualTo(header);
            assertThat(rows).anySatisfy(row -> assertThat(row).containsSubsequence("zh", "OPENING", "营业, \"开场\"",
                    script, "1", "", "false", "", "broadcaster"));
        }
        var wrong = calls.get(AUDITOR, "/api/airings?format=pdf&date=" + today());
        Calls.assertProblem(wrong, 400, "invalid-request", "format");
        assertThat(calls.get(FRONT_DESK, "/api/airings?format=xlsx").getStatusCode().value()).isEqualTo(403);
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The rows of the first sheet, each cell as the CSV writes it. */
    private static List<List<String>> sheet(byte[] xlsx) {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < 10; column++) {
                    cells.add(row.getOptionalCell(column).map(cell -> switch (cell.getType()) {
                        case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
                        case BOOLEAN -> cell.asBoolean().toString();
                        case EMPTY -> "";
                        default -> cell.getText();
                    }).orElse(""));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("B3 where espeak-ng is not installed, audio is a 503 problem saying so, and the service works on")
    void audioWithoutEspeak() {
        Calls calls = calls();
        String script = calls.approved(Scripts.opening("no-espeak"), null);
        calls.await("/api/scripts/" + script, s -> s.path("airableVersion").asInt() == 1);
        var audio = calls.get(BROADCASTER, "/api/scripts/" + script + "/audio?language=ru");
        Calls.assertProblem(audio, 503, "speech-unavailable", "/nonexistent/espeak-ng is not installed");
        calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", script, "language", "ru"));
    }
}
