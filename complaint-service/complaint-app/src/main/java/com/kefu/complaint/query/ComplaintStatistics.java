package com.kefu.complaint.query;

import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ImprovementProposalRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * The figures behind the statistics (C11): per complaint its dimensions and current stage, and for every stage it
 * left how long it stayed there, measured between the events' own instants. The per-complaint figures are columns of
 * the complaint's own row ({@code complaint_view}, read as {@code complaint_statistic}), kept by the view's processor
 * in the command's own transaction and written with the view's own columns, one statement per event: the stage
 * moves and the time spent in the stage left ({@code complaint_stage_time}) are {@link StageMove}'s part of it. Here
 * are the figures of their own: missed deadlines and improvement proposals. Resetting the view rebuilds them with it
 * ({@link ComplaintReports} reads them). Every write is guarded by the event's sequence number or key, so a batch
 * handled twice counts once.
 */
@Component
@ProcessingGroup("complaint-view")
class ComplaintStatistics {

    private final JdbcTemplate jdbc;

    ComplaintStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintDeadlineMissedEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into complaint_missed_statistic (complaint_id, sequence, stage, priority, department, missed_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.complaintId(), sequence, event.stage(), event.priority().name(), event.department(),
                Timestamp.from(event.missedAt()));
    }

    @EventHandler
    void on(ImprovementProposalRecordedEvent event) {
        jdbc.update("""
                insert into improvement_proposal (id, period, first_day, last_day, title, proposal, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.proposalId(), event.period(), Date.valueOf(event.from()), Date.valueOf(event.to()),
                event.title(), event.proposal(), event.recordedBy(), Timestamp.from(event.recordedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_stage_time");
        jdbc.update("delete from complaint_missed_statistic");
        jdbc.update("delete from improvement_proposal");
        // the per-complaint figures go with the view's rows
    }
}
