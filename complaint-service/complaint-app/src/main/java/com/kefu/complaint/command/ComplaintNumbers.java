package com.kefu.complaint.command;

import com.kefu.complaint.config.ComplaintProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Complaint numbers {@code KF-YYYYMM-NNNNN} (C2): one PostgreSQL sequence per month, so numbers are unique
 * across instances without a lock, and never reused (a number drawn by an intake that then fails is lost,
 * not handed out again).
 */
@Component
public class ComplaintNumbers {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final JdbcTemplate jdbc;
    private final ComplaintProperties properties;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

    public ComplaintNumbers(JdbcTemplate jdbc, ComplaintProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public String next(Instant receivedAt) {
        return next("KF", "complaint_number_", receivedAt);
    }

    /** Enquiries (C12) are numbered the same way, {@code ZX-YYYYMM-NNNNN} (咨询), from sequences of their own. */
    public String nextEnquiry(Instant receivedAt) {
        return next("ZX", "enquiry_number_", receivedAt);
    }

    private String next(String prefix, String sequencePrefix, Instant receivedAt) {
        String month = YearMonth.from(receivedAt.atZone(properties.zone())).format(MONTH);
        String sequence = sequencePrefix + month;
        if (knownSequences.add(sequence)) {
            createSequence(sequence);
        }
        Long value = jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
        return "%s-%s-%05d".formatted(prefix, month, value);
    }

    private void createSequence(String sequence) {
        try {
            jdbc.execute("create sequence if not exists " + sequence);
        } catch (DataIntegrityViolationException raceWithAnotherInstance) {
            // another instance created it between our check and our create: it exists now
        }
    }
}
