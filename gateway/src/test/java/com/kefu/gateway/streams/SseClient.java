package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Server-Sent Events stream as a browser's {@code EventSource} does: events are dispatched at a blank line,
 * an {@code id} moves {@link #lastEventId()} (also without data, as heartbeats send it), comment lines are counted.
 */
final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, String id, String data) {

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final int status;
    private final String body;
    private final Socket socket;
    private final InputStream stream;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile String lastEventId;
    private volatile int comments;

    private SseClient(int status, String body, Socket socket, InputStream stream) {
        this.status = status;
        this.body = body;
        this.socket = socket;
        this.stream = stream;
    }

    /**
     * Opens the stream over a plain socket, HTTP/1.1 as a browser speaks it: {@link #close()} then drops the
     * connection at once, as a closed tab does (a pooled client might keep it, and a blocking one waits for the
     * next bytes before it lets go).
     */
    static SseClient open(String url, String authorization, String lastEventId) {
        URI uri = URI.create(url);
        try {
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            StringBuilder request = new StringBuilder("GET " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Accept: text/event-stream\r\nConnection: close\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (lastEventId != null) {
                request.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = Integer.parseInt(readLine(in).split(" ")[1]);
            boolean chunked = false;
            String header;
            while (!(header = readLine(in)).isEmpty()) {
                chunked |= header.toLowerCase().startsWith("transfer-encoding:") && header.contains("chunked");
            }
            InputStream body = chunked ? new Dechunked(in) : in;
            if (status != 200) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                socket.close();
                return new SseClient(status, text, null, null);
            }
            SseClient client = new SseClient(200, null, socket, body);
            Thread reader = new Thread(client::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The body of a {@code Transfer-Encoding: chunked} response. */
    private static final class Dechunked extends InputStream {

        private final InputStream in;
        private long left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** What has arrived of the current chunk (the default would block until {@code length} bytes came). */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = readLine(in);
                if (size.isEmpty()) {
                    size = readLine(in);
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }

    int status() {
        return status;
    }

    /** The body of a refused request. */
    JsonNode problem() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String lastEventId() {
        return lastEventId;
    }

    int comments() {
        return comments;
    }

    /** The next event, whatever it is; fails after {@code timeout}. */
    Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that arrives until none has for {@code quiet}. */
    List<Event> drain(Duration quiet) {
        List<Event> drained = new ArrayList<>();
        try {
            Event event;
            while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drained.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return drained;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, lastEventId, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments++;
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream was closed
        }
    }
}
