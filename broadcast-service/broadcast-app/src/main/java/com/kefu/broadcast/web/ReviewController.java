package com.kefu.broadcast.web;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.command.ProgrammeReview;
import com.kefu.broadcast.command.ProgrammeReview.RecordReviewNoteCommand;
import com.kefu.broadcast.query.StoredEvents;
import com.kefu.broadcast.query.ReviewQueries;
import com.kefu.broadcast.query.ReviewQueries.ReviewNote;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.ReviewRequest;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Review of each programme's and column's content (B5, 审查): notes, with their verdict. */
@RestController
@RequestMapping("/api/programmes/{programme}/reviews")
class ReviewController {

    private final Commands commands;
    private final ReviewQueries reviews;
    private final StoredEvents events;
    private final Clock clock;

    ReviewController(Commands commands, ReviewQueries reviews, StoredEvents events, Clock clock) {
        this.commands = commands;
        this.reviews = reviews;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(Access.BROADCASTER_OR_SUPERVISOR)
    @ResponseStatus(HttpStatus.CREATED)
    Created review(@PathVariable @Size(max = 60) String programme, @Valid @RequestBody ReviewRequest request) {
        if (request.scriptId() != null) {
            String ofScript = events.programmeOfScript(request.scriptId()).orElseThrow(() ->
                    new InvalidRequest("scriptId " + request.scriptId() + " names no script"));
            if (!ofScript.equals(programme)) {
                throw new InvalidRequest("script " + request.scriptId() + " belongs to programme "
                        + ofScript + ", not " + programme);
            }
        }
        return new Created(commands.send(new RecordReviewNoteCommand(ProgrammeReview.reviewId(programme), programme,
                UUID.randomUUID().toString(), request.verdict(), request.note(), request.scriptId(),
                request.scriptVersion(), CurrentUser.get().username(), clock.instant())));
    }

    @GetMapping
    @PreAuthorize(Access.READERS)
    List<ReviewNote> notes(@PathVariable @Size(max = 60) String programme) {
        return reviews.of(programme);
    }
}
