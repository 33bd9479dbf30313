package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The supervisor's instructions on an escalated complaint (上级的指导, C14): shown on the complaint and carried into
 * the duty log's next handover (篇4 G, D20). Each call adds one; earlier ones stay.
 */
@PublishedEvent(type = "SupervisorInstructionsRecorded", version = 1)
public record SupervisorInstructionsRecordedEvent(String complaintId, String number, Severity severity,
                                                  String instructions, String givenBy, Instant givenAt) {
}
