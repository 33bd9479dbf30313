package com.kefu.gateway.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's open stream. What is to be sent waits in the connection's own queue and is written by a sender
 * thread, one delivery after the other, so that the Kafka readers never wait for a client's network. A client whose
 * queue grows beyond {@code maxPending} is disconnected; it reconnects and resumes.
 */
abstract class SseConnection {

    private static final Logger log = LoggerFactory.getLogger(SseConnection.class);
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    /** A piece of work for the sender thread; it may send. */
    interface Delivery {
        void run() throws IOException;
    }

    private final SseEmitter emitter;
    private final ObjectMapper json;
    private final Executor senders;
    private final int maxPending;
    private final Queue<Delivery> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onClose = () -> { };

    SseConnection(SseEmitter emitter, ObjectMapper json, Executor senders, int maxPending) {
        this.emitter = emitter;
        this.json = json;
        this.senders = senders;
        this.maxPending = maxPending;
        emitter.onCompletion(this::closed);
        emitter.onError(error -> closed());
        emitter.onTimeout(this::close);
    }

    void onClose(Runnable action) {
        this.onClose = action;
    }

    boolean isOpen() {
        return !closed.get();
    }

    final void enqueue(Delivery delivery) {
        if (closed.get()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            log.info("a stream client is too slow ({} events waiting): it is disconnected and will resume", maxPending);
            close();
            return;
        }
        queue.add(delivery);
        schedule();
    }

    /** Ends the stream from the server's side (the client reconnects). */
    final void close() {
        if (closed()) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("the stream was already over", e);
            }
        }
    }

    /** Answers true only to the first caller. */
    private boolean closed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        onClose.run();
        return true;
    }

    /**
     * The first event of a stream: sent on the request's own thread before the controller returns, so that the
     * container writes it, and commits the response with its headers, on that thread. A first write from a sender
     * thread would commit the response while the request thread still sets headers on it (Tomcat's headers are not
     * thread-safe).
     */
    final void sendFirst(String event, String id, Object data) {
        try {
            send(event, id, data);
        } catch (IOException e) {
            close();
        }
    }

    final void send(String event, String id, Object data) throws IOException {
        SseEmitter.SseEventBuilder builder = SseEmitter.event().name(event).data(write(data), UTF8_TEXT);
        if (id != null && !id.isEmpty()) {
            builder.id(id);
        }
        emitter.send(builder);
    }

    /** A comment line keeps proxies from closing an idle connection; {@code id}, when given, moves the client on. */
    final void sendHeartbeat(String id) throws IOException {
        SseEmitter.SseEventBuilder builder = SseEmitter.event().comment("heartbeat");
        if (id != null && !id.isEmpty()) {
            builder.id(id);
        }
        emitter.send(builder);
    }

    private String write(Object data) {
        try {
            return data instanceof String text ? text : json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stream event data", e);
        }
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            Delivery delivery;
            while (!closed.get() && (delivery = queue.poll()) != null) {
                pending.decrementAndGet();
                try {
                    delivery.run();
                } catch (IOException | IllegalStateException e) {
                    log.debug("a stream client went away", e);
                    close();
                } catch (RuntimeException e) {
                    log.warn("a stream delivery failed; the client is disconnected and will resume", e);
                    close();
                }
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty() && !closed.get()) {
            schedule();
        }
    }
}
