package com.kefu.broadcast.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.event.ReviewNoteRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The content review of one programme or column (B5, 对各档、各栏目播出内容的审查): its notes, in order. The latest
 * verdict stands: NEEDS_CHANGES flags the programme's slots in the plan until a later note finds it SOUND.
 */
@Aggregate
public class ProgrammeReview {

    @AggregateIdentifier
    private String reviewId;
    private ReviewVerdict verdict;

    protected ProgrammeReview() {
    }

    public static String reviewId(String programme) {
        return "review-" + programme;
    }

    /** {@code scriptId} and {@code scriptVersion}: the script version the note is about, if it is about one. */
    record RecordReviewNoteCommand(@TargetAggregateIdentifier String reviewId, String programme,
                                   String noteId, ReviewVerdict verdict, String note, String scriptId,
                                   Integer scriptVersion, String actor, Instant at) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(RecordReviewNoteCommand command) {
        if (command.scriptId() == null && command.scriptVersion() != null) {
            throw new InvalidRequest("scriptVersion needs the scriptId it is a version of");
        }
        apply(new ReviewNoteRecordedEvent(command.reviewId(), command.programme(), command.noteId(),
                command.verdict().name(), command.note(), command.scriptId(), command.scriptVersion(),
                command.actor(), command.at()));
        return command.noteId();
    }

    @EventSourcingHandler
    void on(ReviewNoteRecordedEvent event) {
        reviewId = event.reviewId();
        verdict = ReviewVerdict.valueOf(event.verdict());
    }

    ReviewVerdict verdict() {
        return verdict;
    }
}
