package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The shift was handed over and is closed (D6, D8): both people signed — {@code outgoing} and {@code incoming},
 * or the {@code substitute} who took over for an incoming person unfit for duty — with the preparation, the open
 * matters, the superiors' instructions and the items checked face to face.
 */
@PublishedEvent(type = "ShiftHandedOver", version = 1)
public record ShiftHandedOverEvent(
        String shiftId,
        String outgoing,
        String incoming,
        boolean incomingFit,
        String substitute,
        Preparation preparation,
        List<HandoverItem> items,
        List<OpenMatter> openMatters,
        List<Instruction> instructions,
        Instant handedOverAt) {
}
