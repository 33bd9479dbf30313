package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement proposal recorded against a reporting period (C11): what the statistics of that month, quarter
 * or year suggest changing. {@code period} is written as the report names it ({@code 2026-11}, {@code 2026-Q4},
 * {@code 2026}); {@code from} and {@code to} are its first and last day, both inclusive.
 */
@PublishedEvent(type = "ImprovementProposalRecorded", version = 1)
public record ImprovementProposalRecordedEvent(String proposalId, String period, LocalDate from, LocalDate to,
                                               String title, String proposal, String recordedBy,
                                               Instant recordedAt) {
}
