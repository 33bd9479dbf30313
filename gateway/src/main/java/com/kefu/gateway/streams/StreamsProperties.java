package com.kefu.gateway.streams;

import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.api.DutylogTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.UUID;

/**
 * The live streams ({@code /api/streams/**}).
 *
 * @param instanceId      names this gateway instance's consumer group ({@code gateway-streams-<id>}); random by
 *                        default, so that every instance reads every partition itself
 * @param complaintTopic  where complaint-service publishes
 * @param dutylogTopic    where dutylog-service publishes
 * @param heartbeat       how often an idle stream gets a comment line, so that proxies keep the connection
 * @param maxConnection   how long one connection lasts; the client then reconnects (with {@code Last-Event-ID}),
 *                        which also makes it show a token that is still valid
 * @param dashboardPause  the shortest time between two dashboard updates: a burst of events is one update
 * @param maxPending      events queued for one client beyond which it is too slow and is disconnected (it resumes
 *                        from Kafka when it reconnects, so nothing is lost)
 * @param notificationPoll how often each instance reads the notifications' new browser rows for the per-user
 *                        notification streams
 */
@ConfigurationProperties("kefu.streams")
public record StreamsProperties(String instanceId, String complaintTopic, String dutylogTopic, Duration heartbeat,
                                Duration maxConnection, Duration dashboardPause, Integer maxPending,
                                Duration notificationPoll) {

    public StreamsProperties {
        instanceId = instanceId == null || instanceId.isBlank()
                ? UUID.randomUUID().toString().substring(0, 8) : instanceId;
        complaintTopic = complaintTopic == null ? ComplaintTopics.EVENTS : complaintTopic;
        dutylogTopic = dutylogTopic == null ? DutylogTopics.EVENTS : dutylogTopic;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxConnection = maxConnection == null ? Duration.ofMinutes(30) : maxConnection;
        dashboardPause = dashboardPause == null ? Duration.ofMillis(250) : dashboardPause;
        maxPending = maxPending == null ? 1_000 : maxPending;
        notificationPoll = notificationPoll == null ? Duration.ofSeconds(1) : notificationPoll;
    }
}
