package com.kefu.gateway.notifications;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the pending e-mails, every {@code kefu.notifications.send-interval}: each claimed in a transaction of its own
 * ({@code FOR UPDATE SKIP LOCKED}, so that the gateway's instances share the work and never send one twice), sent,
 * and marked sent; a failed attempt is tried again after a wait that doubles each time
 * ({@code retry-backoff} … {@code max-backoff}), and after {@code max-attempts} the row is {@code failed}. Times are
 * the injected clock's. A mail server that is down only leaves rows pending: the consumer keeps writing them and no
 * workflow waits.
 */
class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationLog notifications;
    private final TransactionTemplate transactions;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private final NotificationMeters meters;
    private ScheduledExecutorService executor;

    NotificationSender(NotificationLog notifications, TransactionTemplate transactions, JavaMailSender mail,
                       NotificationProperties properties, Clock clock, NotificationMeters meters) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends what is due, at most a batch; answers how many it tried. */
    int sendDue() {
        int tried = 0;
        while (tried < properties.batch()) {
            Boolean one = transactions.execute(status -> notifications.claimDue(clock.instant()).map(claimed -> {
                send(claimed);
                return true;
            }).orElse(false));
            if (!Boolean.TRUE.equals(one)) {
                break;
            }
            tried++;
        }
        return tried;
    }

    private void send(NotificationLog.Mail claimed) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(claimed.recipient());
            helper.setSubject(claimed.subject());
            helper.setText(claimed.body(), false);
            mail.send(message);
            notifications.sent(claimed, clock.instant());
            meters.sent.increment();
        } catch (Exception e) {
            Instant now = clock.instant();
            int attempts = claimed.attempts() + 1;
            Instant next = attempts >= properties.maxAttempts() ? null : now.plus(properties.backoffAfter(attempts));
            notifications.attemptFailed(claimed, e.getMessage(), now, next);
            meters.failedAttempts.increment();
            if (next == null) {
                meters.failed.increment();
                log.warn("notification {} failed after {} attempts: {}", claimed.id(), attempts, e.getMessage());
            } else {
                log.info("notification {} not sent (attempt {}), tried again at {}: {}", claimed.id(), attempts, next,
                        e.getMessage());
            }
        }
    }

    private void sendQuietly() {
        try {
            while (sendDue() == properties.batch()) {
                // a whole batch was due: go on
            }
        } catch (RuntimeException e) {
            log.warn("notifications wait: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-sender");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sendInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sendQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
