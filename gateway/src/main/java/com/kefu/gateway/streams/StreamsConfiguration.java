package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.gateway.notifications.BrowserNotifications;
import com.kefu.platform.time.MallTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The live streams (departments, dashboard, notices, escalations), fed by one reader per gateway instance in a
 * consumer group of its own, so that every instance follows every partition and any instance can serve any client;
 * and the per-user notification streams, fed by the notifications' recorded browser rows.
 */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    static final String CONNECTIONS = "kefu.streams.connections";
    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    /** Kafka settings of the streams' readers (a record of its own: Spring injects a bare Map as a map of beans). */
    record ReaderConfig(Map<String, Object> kafka) {
    }

    @Bean
    ReaderConfig streamReaderConfig(KafkaProperties kafka, SslBundles ssl) {
        return new ReaderConfig(TopicFeed.readerConfig(kafka.buildConsumerProperties(ssl)));
    }

    /** Picked up by the resource server of platform's security configuration. */
    @Bean
    BearerTokenResolver streamBearerTokens() {
        return new StreamBearerTokens();
    }

    @Bean
    StreamThreads streamThreads() {
        return new StreamThreads();
    }

    @Bean
    DepartmentStreams departmentStreams(StreamsProperties properties, ReaderConfig streamReaderConfig,
                                        ObjectMapper json, StreamThreads threads) {
        var streams = new DepartmentStreams(properties, streamReaderConfig.kafka(), json, threads.senders);
        long every = properties.heartbeat().toMillis();
        threads.scheduler.scheduleAtFixedRate(guarded(streams::heartbeat), every, every, TimeUnit.MILLISECONDS);
        return streams;
    }

    @Bean
    DashboardStreams dashboardStreams(StreamsProperties properties, ObjectMapper json, StreamThreads threads,
                                      MallTime mallTime) {
        var streams = new DashboardStreams(properties, json, threads.senders, threads.scheduler, mallTime);
        long every = properties.heartbeat().toMillis();
        threads.scheduler.scheduleAtFixedRate(guarded(streams::heartbeat), every, every, TimeUnit.MILLISECONDS);
        return streams;
    }

    /** The per-user notification streams, from the notifications' browser rows (see {@link NotificationStreams}). */
    @Bean
    NotificationStreams notificationStreams(StreamsProperties properties, BrowserNotifications rows,
                                            ObjectMapper json, StreamThreads threads) {
        var streams = new NotificationStreams(rows, properties, json, threads.senders);
        long every = properties.heartbeat().toMillis();
        threads.scheduler.scheduleAtFixedRate(guarded(streams::heartbeat), every, every, TimeUnit.MILLISECONDS);
        long poll = properties.notificationPoll().toMillis();
        threads.notificationPoller.scheduleWithFixedDelay(guarded(streams::poll), poll, poll, TimeUnit.MILLISECONDS);
        return streams;
    }

    @Bean
    BoardStreams noticeStreams(StreamsProperties properties, ObjectMapper json, StreamThreads threads) {
        return boardStreams(new NoticeBoard(), properties, json, threads);
    }

    @Bean
    BoardStreams escalationStreams(StreamsProperties properties, ObjectMapper json, StreamThreads threads) {
        return boardStreams(new EscalationBoard(), properties, json, threads);
    }

    /** One reader of both topics for all four streams; each stream is complete once it has read them as they were. */
    @Bean
    TopicFeed streamFeed(StreamsProperties properties, ReaderConfig streamReaderConfig,
                         DepartmentStreams departmentStreams, DashboardStreams dashboardStreams,
                         @Qualifier("noticeStreams") BoardStreams noticeStreams,
                         @Qualifier("escalationStreams") BoardStreams escalationStreams) {
        var feed = new TopicFeed("gateway-streams-" + properties.instanceId(), streamReaderConfig.kafka())
                .handle(departmentStreams, properties.complaintTopic())
                .handle(dashboardStreams, properties.complaintTopic(), properties.dutylogTopic())
                .handle(noticeStreams, properties.dutylogTopic())
                .handle(escalationStreams, properties.complaintTopic());
        dashboardStreams.completeWhen(feed::caughtUp);
        noticeStreams.completeWhen(feed::caughtUp);
        escalationStreams.completeWhen(feed::caughtUp);
        return feed;
    }

    private static BoardStreams boardStreams(BoardStreams.Board board, StreamsProperties properties, ObjectMapper json,
                                             StreamThreads threads) {
        var streams = new BoardStreams(board, properties, json, threads.senders);
        long every = properties.heartbeat().toMillis();
        threads.scheduler.scheduleAtFixedRate(guarded(streams::heartbeat), every, every, TimeUnit.MILLISECONDS);
        return streams;
    }

    /**
     * Open streams end as soon as the gateway begins to shut down: a stream is a request that never finishes, and
     * graceful shutdown would wait for it. Clients reconnect (to another instance) and resume.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> closeStreamsOnShutdown(DepartmentStreams departments,
                                                                   DashboardStreams dashboard,
                                                                   @Qualifier("noticeStreams") BoardStreams notices,
                                                                   @Qualifier("escalationStreams")
                                                                   BoardStreams escalations,
                                                                   NotificationStreams notifications) {
        return event -> {
            notifications.closeAll();
            escalations.closeAll();
            departments.closeAll();
            dashboard.closeAll();
            notices.closeAll();
        };
    }

    /** The live streams open on this instance, by stream: what an operator watches of the console's live views. */
    @Bean
    MeterBinder streamConnections(DepartmentStreams departments, DashboardStreams dashboard,
                                  @Qualifier("noticeStreams") BoardStreams notices,
                                  @Qualifier("escalationStreams") BoardStreams escalations,
                                  NotificationStreams notifications) {
        return registry -> Map.<String, Supplier<Integer>>of("departments", departments::openConnections,
                        "dashboard", dashboard::openConnections, "notices", notices::openConnections,
                        "escalations", escalations::openConnections, "notifications",
                        notifications::openConnections)
                .forEach((stream, open) -> Gauge.builder(CONNECTIONS, open, connections -> connections.get())
                        .tag("stream", stream).description("live streams (Server-Sent Events) open")
                        .strongReference(true) // the method reference is held by nothing else
                        .register(registry));
    }

    /** A failing heartbeat must not cancel the next ones (a scheduled task that throws is not run again). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("a stream's scheduled task failed", e);
            }
        };
    }
}
