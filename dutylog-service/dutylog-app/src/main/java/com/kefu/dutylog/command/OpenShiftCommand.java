package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

public record OpenShiftCommand(@TargetAggregateIdentifier String shiftId, String post, LocalDate date,
                               String openedBy, Instant openedAt) {
}
