package com.kefu.dutylog.event;

import com.kefu.dutylog.api.HandoverItem;
import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.OpenMatter;
import com.kefu.dutylog.api.Preparation;

import java.time.Instant;
import java.util.List;

/**
 * The outgoing person signed the handover and proposes it to {@code incoming} (or the {@code substitute} named for
 * an unfit incoming person), who accepts or refuses it under their own sign-in (篇4 C, D15); the shift stays open
 * until then (D8). {@code due}: when the post's shift times say it should be handed over (null: the post has none);
 * {@code late} with the outgoing person's {@code lateReason} when it is proposed past that (篇4 A, D).
 */
public record HandoverProposedEvent(String shiftId, String outgoing, String incoming, boolean incomingFit,
                                    String substitute, Preparation preparation, List<HandoverItem> items,
                                    List<OpenMatter> openMatters, List<Instruction> instructions, Instant due,
                                    boolean late, String lateReason, Instant proposedAt) {

    /** Who takes the shift over: the incoming person, or the substitute named for them. */
    public String takenOverBy() {
        return incomingFit ? incoming : substitute;
    }
}
