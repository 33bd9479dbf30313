package com.kefu.broadcast.web;

import com.kefu.broadcast.command.ReviewDesk;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.command.StoredEvents;
import com.kefu.broadcast.query.ReviewQueries;
import com.kefu.broadcast.query.ReviewQueries.ReviewNote;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.ReviewRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Review of each programme's and column's content (B5, 审查): notes, with their verdict. */
@RestController
@RequestMapping("/api/programmes/{programme}/reviews")
class ReviewController {

    private final ReviewDesk desk;
    private final ReviewQueries reviews;
    private final StoredEvents events;

    ReviewController(ReviewDesk desk, ReviewQueries reviews, StoredEvents events) {
        this.desk = desk;
        this.reviews = reviews;
        this.events = events;
    }

    @Operation(summary = "Reviews a programme")
    @PostMapping
    @PreAuthorize(Access.BROADCASTER_OR_SUPERVISOR)
    @ResponseStatus(HttpStatus.CREATED)
    Created review(@PathVariable @Size(max = 60) String programme, @Valid @RequestBody ReviewRequest request,
                   @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                   @Size(max = 100) String idempotencyKey) {
        if (request.scriptId() != null) {
            String ofScript = events.programmeOfScript(request.scriptId()).orElseThrow(() ->
                    new InvalidRequest("scriptId " + request.scriptId() + " names no script"));
            if (!ofScript.equals(programme)) {
                throw new InvalidRequest("script " + request.scriptId() + " belongs to programme "
                        + ofScript + ", not " + programme);
            }
        }
        return new Created(desk.note(programme, request.verdict(), request.note(), request.scriptId(),
                request.scriptVersion(), idempotencyKey));
    }

    @Operation(summary = "Lists a programme's review notes")
    @GetMapping
    @PreAuthorize(Access.READERS)
    List<ReviewNote> notes(@PathVariable @Size(max = 60) String programme) {
        return reviews.of(programme);
    }
}
