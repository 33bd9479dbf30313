package com.kefu.gateway.notifications;

import com.kefu.gateway.accounts.Accounts;
import com.kefu.platform.time.MallTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The notifications beyond the console (README "Notifications"): the consumer that writes them, and — when e-mail is
 * on ({@code kefu.notifications.enabled} and a mail host, {@code spring.mail.host}) — the sender of the e-mails.
 * Browser notifications need neither: the console shows them from the user's notification stream, which the streams
 * serve from the browser rows the consumer writes ({@link BrowserNotifications}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    /** Whether e-mails are written and sent: switched on, and a mail server to send them to. */
    static boolean emailOn(NotificationProperties properties, Environment environment,
                           ObjectProvider<JavaMailSender> mail) {
        String host = environment.getProperty("spring.mail.host");
        return properties.enabled() && host != null && !host.isBlank() && mail.getIfAvailable() != null;
    }

    @Bean
    MailText notificationMailText(MallTime mallTime, NotificationProperties properties) {
        return new MailText(mallTime.zone(), properties.consoleUrl());
    }

    @Bean
    NotificationRecorder notificationRecorder(Subscriptions subscriptions, Accounts accounts, NotificationLog log,
                                              MailText notificationMailText, Clock clock,
                                              NotificationProperties properties, Environment environment,
                                              ObjectProvider<JavaMailSender> mail) {
        boolean email = emailOn(properties, environment, mail);
        NotificationsConfiguration.log.info("notifications by e-mail are {}", email ? "on, from " + properties.from()
                : "off (kefu.notifications.enabled false, or no spring.mail.host): browser notifications only");
        return new NotificationRecorder(subscriptions, accounts, log, notificationMailText, clock, email);
    }

    @Bean
    NotificationConsumer notificationConsumer(NotificationProperties properties, KafkaProperties kafka,
                                              SslBundles ssl, NotificationRecorder notificationRecorder) {
        return new NotificationConsumer(properties, kafka.buildConsumerProperties(ssl), notificationRecorder);
    }

    /** Only with e-mail on: without it no e-mail row is written, and there is nothing to send. */
    @Bean
    NotificationSender notificationSender(NotificationLog log, TransactionTemplate transactions,
                                          ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
                                          Clock clock, NotificationMeters meters, Environment environment) {
        return emailOn(properties, environment, mail)
                ? new NotificationSender(log, transactions, mail.getObject(), properties, clock, meters)
                : null;
    }
}
