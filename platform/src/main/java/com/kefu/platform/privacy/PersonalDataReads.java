package com.kefu.platform.privacy;

import com.kefu.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The record of every read of personal data in clear (S2): who read whose data, what, when and why. A service
 * records the read before it answers with the data, in the same transaction, so no answer goes without its record.
 */
public class PersonalDataReads {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PersonalDataReads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Read(long id, String readBy, String subject, String what, String why, Instant readAt) {
    }

    /** Records that the signed-in user reads {@code what} of {@code subject} now, for {@code why}. */
    public void record(String subject, String what, String why) {
        jdbc.update("insert into personal_data_read (read_by, subject, what, why, read_at) values (?, ?, ?, ?, ?)",
                CurrentUser.get().username(), subject, what, why, Timestamp.from(clock.instant()));
    }

    /** The reads between two instants (the later one exclusive), of one subject if named, newest first. */
    public List<Read> between(Instant from, Instant to, String subject, int limit) {
        return jdbc.query("""
                select * from personal_data_read where read_at >= ? and read_at < ?
                    and (cast(? as varchar) is null or subject = ?)
                order by read_at desc, id desc limit ?""",
                (rs, row) -> new Read(rs.getLong("id"), rs.getString("read_by"), rs.getString("subject"),
                        rs.getString("what"), rs.getString("why"), rs.getTimestamp("read_at").toInstant()),
                Timestamp.from(from), Timestamp.from(to), subject, subject, limit);
    }
}
