package com.kefu.complaint.command;

import com.kefu.platform.time.MallTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Complaint numbers {@code KF-YYYYMM-NNNNN} (C2): one PostgreSQL sequence per month, so numbers are unique
 * across instances without a lock, and never reused (a number drawn by an intake that then fails is lost,
 * not handed out again).
 */
@Component
public class ComplaintNumbers {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final MallTime mallTime;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

    public ComplaintNumbers(JdbcTemplate jdbc, DataSource dataSource, MallTime mallTime) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.mallTime = mallTime;
    }

    public String next(Instant receivedAt) {
        return next("KF", "complaint_number_", receivedAt);
    }

    /** Enquiries (C12) are numbered the same way, {@code ZX-YYYYMM-NNNNN} (咨询), from sequences of their own. */
    public String nextEnquiry(Instant receivedAt) {
        return next("ZX", "enquiry_number_", receivedAt);
    }

    private String next(String prefix, String sequencePrefix, Instant receivedAt) {
        String month = month(receivedAt, mallTime.zone());
        String sequence = sequencePrefix + month;
        if (!knownSequences.contains(sequence)) {
            createSequence(sequence);
        }
        Long value = jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
        return prefix + "-" + month + "-" + fiveDigits(value);
    }

    /** The month in the mall's zone, {@code YYYYMM}. */
    static String month(Instant instant, ZoneId zone) {
        ZonedDateTime mallTime = instant.atZone(zone);
        return Integer.toString(mallTime.getYear() * 100 + mallTime.getMonthValue());
    }

    /** At least five digits, zeros in front: written out, since a {@code Formatter} cost 5 % of an intake's CPU. */
    static String fiveDigits(long value) {
        String digits = Long.toString(value);
        return digits.length() >= 5 ? digits : "0".repeat(5 - digits.length()) + digits;
    }

    /**
     * On a connection of its own, committed at once: created inside the intake's transaction, the sequence was
     * invisible to concurrent intakes until that transaction ended (they failed on a missing relation), and gone
     * again if it rolled back, while this instance took it as known. One intake at a time creates it, so a burst
     * of first intakes of a month needs one connection more, not one each.
     */
    private synchronized void createSequence(String sequence) {
        if (knownSequences.contains(sequence)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("create sequence if not exists " + sequence);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create the number sequence " + sequence, e);
            }
            // another instance created it between our check and our create: it exists now
        }
        knownSequences.add(sequence);
    }
}
