package com.kefu.membership.web;

import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.query.MemberQueries.ServiceRequestView;
import com.kefu.platform.print.PrintView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A front-desk service's ticket as a printable slip (M5), every label in Chinese and Russian: the storage ticket
 * (寄存凭证) the customer keeps to collect what they left, and the same slip for the other services. Its number, what
 * was left or asked for, the card of the member (none for a customer who is not one), who took it in and when, its
 * state, and the line where the collection is signed. {@code templates/service-ticket.mustache} with the labels of the
 * console's {@code members.json} ({@link PrintView}).
 */
final class ServiceTicketPage {

    static final Map<String, String> LABELS = labels();

    private static final PrintView VIEW = PrintView.of("service-ticket", "members", LABELS);

    private ServiceTicketPage() {
    }

    /** The slip of {@code request}; {@code card}: the member's card number, or null. */
    static String render(ServiceRequestView request, String card, ZoneId zone) {
        Map<String, Object> page = new HashMap<>();
        String title = request.kind() == ServiceRequestKind.STORAGE ? "storageTicket" : "serviceTicket";
        page.put("title", VIEW.label("zh", title));
        page.put("titleZh", VIEW.label("zh", title));
        page.put("titleRu", VIEW.label("ru", title));
        page.put("number", request.number());
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(VIEW.row("kind", VIEW.both("kind." + request.kind())));
        rows.add(VIEW.row("details", request.details()));
        rows.add(VIEW.row("member", card != null ? card : VIEW.both("noMember")));
        rows.add(VIEW.row("registeredAt", request.registeredBy() + " " + PrintView.time(request.registeredAt(), zone)));
        rows.add(VIEW.row("status", VIEW.both("status." + request.status())));
        if (request.note() != null) {
            rows.add(VIEW.row("note", request.note()));
        }
        page.put("rows", rows);
        page.put("closed", request.closedBy() == null ? "" : request.closedBy() + " " + PrintView.time(request.closedAt(), zone));
        return VIEW.render(page);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.ofEntries(
                Map.entry("storageTicket", "members.print.storageTicket"),
                Map.entry("serviceTicket", "members.print.serviceTicket"),
                Map.entry("kind", "members.requests.kind"), Map.entry("details", "members.requests.details"),
                Map.entry("member", "members.requests.member"), Map.entry("noMember", "members.requests.noMember"),
                Map.entry("registeredAt", "members.requests.registeredAt"),
                Map.entry("status", "members.requests.status"), Map.entry("note", "members.requests.note"),
                Map.entry("collectedBy", "members.print.collectedBy"), Map.entry("keep", "members.print.keep")));
        Stream.of(ServiceRequestKind.values()).forEach(kind -> labels.put("kind." + kind, "members.kind." + kind));
        Stream.of("REGISTERED", "DONE", "CANCELLED").forEach(status -> labels.put("status." + status,
                "members.requestStatus." + status));
        return Map.copyOf(labels);
    }
}
