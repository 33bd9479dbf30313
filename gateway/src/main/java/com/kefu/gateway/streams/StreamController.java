package com.kefu.gateway.streams;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The live streams (Server-Sent Events), served by the gateway itself from the Kafka topics; nothing under
 * {@code /api/streams} is routed to a service.
 */
@RestController
class StreamController {

    /** Roles that may watch any department's stream; a DEPARTMENT user watches their own department only (S4). */
    private static final List<String> WATCH_ANY_DEPARTMENT =
            List.of(Roles.CS_HEAD, Roles.AFTER_SALES, Roles.SUPERVISOR, Roles.CS_MANAGER);
    private static final Pattern DEPARTMENT = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");

    private final DepartmentStreams departments;
    private final DashboardStreams dashboard;
    private final BoardStreams notices;
    private final BoardStreams escalations;
    private final NotificationStreams notifications;

    StreamController(DepartmentStreams departments, DashboardStreams dashboard,
                     @Qualifier("noticeStreams") BoardStreams notices,
                     @Qualifier("escalationStreams") BoardStreams escalations, NotificationStreams notifications) {
        this.notifications = notifications;
        this.escalations = escalations;
        this.departments = departments;
        this.dashboard = dashboard;
        this.notices = notices;
    }

    /**
     * What happens to the department's complaints: assigned to it, reassigned away, reopened, acknowledged, resolved,
     * a deadline approaching (C17) or missed, archived. Each event's id is where the client stands; sent back as
     * {@code Last-Event-ID} it resumes the stream after exactly that event, on any gateway instance.
     */
    @Operation(summary = "Streams a department's complaint events (Server-Sent Events)")
    @GetMapping(path = "/api/streams/departments/{department}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('DEPARTMENT', 'CS_HEAD', 'AFTER_SALES', 'SUPERVISOR', 'CS_MANAGER')")
    SseEmitter department(@PathVariable String department,
                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (!DEPARTMENT.matcher(department).matches()) {
            throw new InvalidRequest("a department is named by 1 to 64 letters, digits, '-' or '_'");
        }
        CurrentUser user = CurrentUser.get();
        if (WATCH_ANY_DEPARTMENT.stream().noneMatch(user::hasRole) && !department.equals(user.department())) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                    "a department's users watch their own department's stream only"), null);
        }
        return departments.open(department, resume(lastEventId));
    }

    /** Where a client resumes ({@code Last-Event-ID}); an id this gateway did not write is the client's mistake. */
    private static Positions resume(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Positions.parse(lastEventId);
        } catch (IllegalArgumentException wrong) {
            throw new InvalidRequest(wrong.getMessage(), wrong);
        }
    }

    /**
     * The managers' live figures: a snapshot at once, then an update whenever they change; the supervisor's warnings
     * of stages four fifths of whose time have gone among them (C17).
     */
    @Operation(summary = "Streams the managers' live figures (Server-Sent Events)")
    @GetMapping(path = "/api/streams/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('CS_HEAD', 'SUPERVISOR', 'CS_MANAGER', 'AUDITOR')")
    SseEmitter dashboard() {
        return dashboard.open();
    }

    /**
     * The incidents the CS manager and the CS head are told of at once (篇2 B3, D14): the notices still waiting for
     * one of the caller's roles, at once and again whenever one is sent or acknowledged.
     */
    @Operation(summary = "Streams the incident notices waiting for the caller's roles (Server-Sent Events)")
    @GetMapping(path = "/api/streams/notices", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('CS_MANAGER', 'CS_HEAD')")
    SseEmitter notices() {
        CurrentUser user = CurrentUser.get();
        return notices.open(List.of(Roles.CS_MANAGER, Roles.CS_HEAD).stream().filter(user::hasRole).toList());
    }

    /**
     * The supervisor's inbox (C14, 第四章): the escalated MAJOR complaints at once, those not yet acknowledged first,
     * and again whenever one is escalated, acknowledged, given instructions, assigned, resolved or archived.
     */
    @Operation(summary = "Streams the supervisor's inbox of escalated complaints (Server-Sent Events)")
    @GetMapping(path = "/api/streams/escalations", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD')")
    SseEmitter escalations() {
        return escalations.open(List.of());
    }

    /**
     * What the signed-in user's browser shows as a notification (README "Notifications"): each notification recorded
     * for the browser for one of the user's audiences — their role, and a DEPARTMENT user's department — as a
     * {@code notification} event {@code {id, eventId, kind, facts, page, createdAt}}; a department's complaint (an
     * assignment, a deadline) only to the users of that department among DEPARTMENT users. Each event's id is the
     * record's; sent back as {@code Last-Event-ID} (or {@code lastEventId}, for a client that opens the stream
     * again itself) the stream first sends what came for the user after it.
     */
    @Operation(summary = "Streams the signed-in user's browser notifications (Server-Sent Events; any role)")
    @GetMapping(path = "/api/streams/notifications", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter notifications(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        CurrentUser user = CurrentUser.get();
        Set<String> recipients = new LinkedHashSet<>();
        user.roles().forEach(role -> recipients.add("role:" + role));
        String department = null;
        if (user.hasRole(Roles.DEPARTMENT)) {
            if (user.department() != null) {
                recipients.add("department:" + user.department());
            }
            // a department's complaints of other departments are not theirs, whatever audience told of them
            department = WATCH_ANY_DEPARTMENT.stream().anyMatch(user::hasRole) ? null
                    : user.department() == null ? "" : user.department();
        }
        String resume = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParameter;
        return notifications.open(recipients, department, rowId(resume));
    }

    /** A notification stream's {@code Last-Event-ID}: a row's id. */
    private static Long rowId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        if (!lastEventId.matches("\\d{1,18}")) {
            throw new InvalidRequest("Last-Event-ID: the id of an event of this stream (digits)");
        }
        return Long.parseLong(lastEventId);
    }
}
