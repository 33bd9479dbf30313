package com.kefu.gateway.notifications;

import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.api.DutylogTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The notifications beyond the console (README "Notifications").
 *
 * @param enabled      whether e-mails are written and sent; browser notifications (the console's, from the user's
 *                     notification stream) do not depend on it. E-mail also needs a mail host
 *                     ({@code spring.mail.host})
 * @param from         the e-mails' sender address
 * @param consoleUrl   the console's address as the staff open it, for the link in each e-mail
 * @param group        the consumer group that turns events into notifications: one for all gateway instances, so that
 *                     each event is handled once
 * @param topics       the topics read: complaints, the duty log, broadcasting
 * @param sendInterval how often pending e-mails are looked for
 * @param batch        e-mails claimed and sent at a time by one instance
 * @param maxAttempts  attempts at sending one e-mail before it is {@code failed}
 * @param retryBackoff the wait after a first failed attempt; doubled after each further one, up to {@code maxBackoff}
 * @param maxBackoff   the longest wait between two attempts
 */
@ConfigurationProperties("kefu.notifications")
public record NotificationProperties(Boolean enabled, String from, String consoleUrl, String group,
                                     List<String> topics, Duration sendInterval, Integer batch, Integer maxAttempts,
                                     Duration retryBackoff, Duration maxBackoff) {

    public NotificationProperties {
        enabled = enabled == null || enabled;
        from = from == null || from.isBlank() ? "kefu-notifications@localhost" : from;
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? "http://127.0.0.1:8080/console/" : consoleUrl;
        group = group == null || group.isBlank() ? "gateway-notifications" : group;
        topics = topics == null || topics.isEmpty()
                ? List.of(ComplaintTopics.EVENTS, DutylogTopics.EVENTS, BroadcastTopics.EVENTS) : List.copyOf(topics);
        sendInterval = sendInterval == null ? Duration.ofSeconds(5) : sendInterval;
        batch = batch == null ? 20 : batch;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
    }

    /** The wait before the next attempt after {@code attempts} failed ones. */
    Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
