package com.kefu.dutylog.api;

/** An instruction from a superior, handed on from shift to shift until it is carried out (D6). */
public record Instruction(String from, String text) {
}
