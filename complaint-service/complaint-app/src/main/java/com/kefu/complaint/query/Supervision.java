package com.kefu.complaint.query;

import java.time.Instant;
import java.util.List;

/**
 * The supervisor's part of an escalated complaint (C14, 第四章): when it was escalated, who took it up from the inbox
 * and when (null: not yet), and the instructions given (上级的指导), oldest first.
 */
public record Supervision(Instant escalatedAt, String acknowledgedBy, Instant acknowledgedAt,
                          List<Instruction> instructions) {

    public record Instruction(String text, String givenBy, Instant givenAt) {
    }

    public Supervision {
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }

    Supervision acknowledged(String by, Instant at) {
        return new Supervision(escalatedAt, by, at, instructions);
    }

    Supervision with(Instruction instruction) {
        var all = new java.util.ArrayList<>(instructions);
        all.add(instruction);
        return new Supervision(escalatedAt, acknowledgedBy, acknowledgedAt, all);
    }
}
