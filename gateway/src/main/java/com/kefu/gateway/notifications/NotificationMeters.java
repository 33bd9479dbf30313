package com.kefu.gateway.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The notifications' meters, served from 0 whether e-mail is on or not: {@code kefu_notifications_sent_total} (e-mails
 * sent), {@code kefu_notifications_failed_total} (given up after their last attempt) and
 * {@code kefu_notifications_attempts_failed_total} (attempts that failed and are tried again: an outage of the mail
 * server shows here first). Browser notifications are shown by the consoles and counted by none.
 */
@Component
class NotificationMeters {

    final Counter sent;
    final Counter failed;
    final Counter failedAttempts;

    NotificationMeters(MeterRegistry meters) {
        this.sent = Counter.builder("kefu.notifications.sent").tag("channel", NotificationLog.EMAIL)
                .description("notifications sent").register(meters);
        this.failed = Counter.builder("kefu.notifications.failed").tag("channel", NotificationLog.EMAIL)
                .description("notifications given up after their last attempt").register(meters);
        this.failedAttempts = Counter.builder("kefu.notifications.attempts.failed")
                .tag("channel", NotificationLog.EMAIL)
                .description("attempts at sending a notification that failed; it is tried again").register(meters);
    }
}
