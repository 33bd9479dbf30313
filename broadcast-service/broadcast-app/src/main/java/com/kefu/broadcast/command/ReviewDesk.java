package com.kefu.broadcast.command;

import com.kefu.broadcast.command.ProgrammeReview.RecordReviewNoteCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Review of programmes (B5): notes with their verdict, as the signed-in user. */
@Service
public class ReviewDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final Clock clock;

    ReviewDesk(Commands commands, IdempotentCreates creates, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.clock = clock;
    }

    /** The note's id; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public String note(String programme, ReviewVerdict verdict, String note, String scriptId, Integer scriptVersion,
                       String idempotencyKey) {
        return creates.once("review-note", idempotencyKey, String.class,
                () -> commands.send(new RecordReviewNoteCommand(ProgrammeReview.reviewId(programme), programme,
                        UUID.randomUUID().toString(), verdict, note, scriptId, scriptVersion,
                        CurrentUser.get().username(), clock.instant())));
    }
}
