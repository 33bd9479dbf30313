package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.kefu.dutylog.api.IncidentNoticeAcknowledgedEvent;
import com.kefu.dutylog.api.IncidentNoticeSentEvent;
import com.kefu.platform.contracts.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident notices not yet acknowledged (篇2 B3, D14), rebuilt from {@code dutylog.events} alone: a guest taken
 * ill or drunk, an accident to a guest or to staff, each waiting until a person of every role it names (the CS
 * manager, the CS head) has acknowledged it. An event published twice counts once: per aggregate, only a higher
 * sequence is applied.
 */
final class NoticeBoard implements BoardStreams.Board {

    /** What a client is sent: {@code complete} is false while the gateway still reads the topic from its start. */
    record Notices(boolean complete, List<Notice> notices) {
    }

    /** A notice as its roles see it: {@code told} per role, with who acknowledged it and when (null: not yet). */
    record Notice(String incidentId, String kind, String category, String location, String description,
                  String reporter, Instant occurredAt, String sentBy, Instant sentAt, List<Told> told) {
    }

    record Told(String role, String by, Instant at) {
    }

    private final Redeliveries redeliveries = new Redeliveries();
    private final Map<String, Notice> waiting = new LinkedHashMap<>();

    @Override
    public synchronized boolean apply(EventEnvelope envelope) {
        if (!redeliveries.isNew(envelope)) {
            return false;
        }
        var sent = Envelopes.data(envelope, IncidentNoticeSentEvent.class);
        if (sent.isPresent()) {
            IncidentNoticeSentEvent event = sent.get();
            waiting.put(event.incidentId(), new Notice(event.incidentId(), String.valueOf(event.kind()),
                    String.valueOf(event.category()), event.location(), event.description(), event.reporter(),
                    event.occurredAt(), event.sentBy(), event.sentAt(),
                    event.roles().stream().map(role -> new Told(role, null, null)).toList()));
            return true;
        }
        var acknowledged = Envelopes.data(envelope, IncidentNoticeAcknowledgedEvent.class);
        if (acknowledged.isPresent()) {
            IncidentNoticeAcknowledgedEvent event = acknowledged.get();
            Notice notice = waiting.get(event.incidentId());
            if (notice == null) {
                return false;
            }
            List<Told> told = notice.told().stream().map(t -> t.role().equals(event.role())
                    ? new Told(t.role(), event.acknowledgedBy(), event.acknowledgedAt()) : t).toList();
            if (told.stream().allMatch(t -> t.by() != null)) {
                waiting.remove(event.incidentId()); // every role has been told: nobody is waited for
            } else {
                waiting.put(event.incidentId(), new Notice(notice.incidentId(), notice.kind(), notice.category(),
                        notice.location(), notice.description(), notice.reporter(), notice.occurredAt(),
                        notice.sentBy(), notice.sentAt(), told));
            }
            return true;
        }
        return false;
    }

    /** The notices still waiting for one of {@code roles} to be told, oldest first. */
    /** The notices waiting for one of {@code roles}. */
    @Override
    public Notices view(boolean complete, List<String> roles) {
        return new Notices(complete, waitingFor(roles));
    }

    synchronized List<Notice> waitingFor(List<String> roles) {
        List<Notice> notices = new ArrayList<>();
        for (Notice notice : waiting.values()) {
            if (notice.told().stream().anyMatch(t -> t.by() == null && roles.contains(t.role()))) {
                notices.add(notice);
            }
        }
        return notices;
    }
}
