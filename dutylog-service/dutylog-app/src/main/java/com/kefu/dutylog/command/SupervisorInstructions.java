package com.kefu.dutylog.command;

import com.kefu.dutylog.api.Instruction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's instructions on escalated complaints (上级的指导, C14), learnt from complaint.events, on their way
 * into the next handover (篇4 G, D20): a proposal carries every one not yet handed over, {@code from} the supervisor,
 * the text naming the complaint's number; the accepted handover hands them on (the next page's {@code carriedOver})
 * and they are not proposed again. One given after the proposal waits for the next one.
 */
@Component
public class SupervisorInstructions {

    private final JdbcTemplate jdbc;

    SupervisorInstructions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Kept once per event, however often it is delivered. */
    public void learn(String eventId, String complaintId, String number, String givenBy, String text, Instant givenAt) {
        jdbc.update("""
                insert into supervisor_instruction (event_id, complaint_id, number, given_by, text, given_at)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                eventId, complaintId, number, givenBy, text, Timestamp.from(givenAt));
    }

    /** {@code written} followed by every supervisor's instruction not yet handed over, now proposed in the shift. */
    List<Instruction> proposedWith(String shiftId, List<Instruction> written) {
        List<Instruction> all = new ArrayList<>(written == null ? List.of() : written);
        all.addAll(jdbc.query("""
                        update supervisor_instruction set proposed_in = ? where handed_over_in is null
                        returning given_by, number, text, given_at""",
                (rs, row) -> new Pending(rs.getTimestamp("given_at").toInstant(), new Instruction(
                        rs.getString("given_by"), rs.getString("number") + ": " + rs.getString("text"))),
                shiftId).stream().sorted((a, b) -> a.givenAt().compareTo(b.givenAt())).map(Pending::instruction)
                .toList());
        return all;
    }

    /** The shift's accepted handover carried what its proposal did. */
    void handedOver(String shiftId) {
        jdbc.update("update supervisor_instruction set handed_over_in = proposed_in "
                + "where proposed_in = ? and handed_over_in is null", shiftId);
    }

    private record Pending(Instant givenAt, Instruction instruction) {
    }
}
