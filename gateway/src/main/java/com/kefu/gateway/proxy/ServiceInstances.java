package com.kefu.gateway.proxy;

import org.apache.hc.client5.http.HttpHostConnectException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Spreads a service's requests over its instances (R6). A route whose {@code uri} names a service by name
 * ({@code http://complaint-service}) goes to one of the instances {@code kefu.gateway.instances.<name>} lists, in turn.
 * An instance that refuses the connection (stopped, restarting, killed) is passed over for
 * {@code kefu.gateway.proxy.down-for} (5 s) and the request goes to the next one: nothing was sent, so a POST too.
 * A request that reached an instance is never sent again (the instance may have done it): a connection lost after
 * that, or no instance taking it, is the 503 with {@code Retry-After} of {@link ServiceUnavailable}. An instance that
 * does not say it is ready when {@link #checkHealth} asks (hung, frozen, overloaded: it still takes connections, so
 * only its answer tells) is passed over too, until it says so again. A route that names a host and port is sent there
 * as it is.
 */
class ServiceInstances implements ClientHttpRequestFactory {

    private final ClientHttpRequestFactory client;
    private final Map<String, Service> services = new HashMap<>();
    private final Clock clock;
    private final Duration downFor;

    ServiceInstances(ClientHttpRequestFactory client, Map<String, List<URI>> instances, Clock clock, Duration downFor) {
        this.client = client;
        this.clock = clock;
        this.downFor = downFor;
        instances.forEach((name, uris) -> services.put(name, new Service(List.copyOf(uris))));
    }

    /** Every instance of every service balanced here. */
    Set<URI> instances() {
        Set<URI> all = new java.util.LinkedHashSet<>();
        services.values().forEach(service -> all.addAll(service.instances));
        return all;
    }

    /**
     * Asks every instance whether it is ready ({@code ready}: true, false, or false when it does not answer in time);
     * one that is not is passed over until it is again.
     */
    void checkHealth(Predicate<URI> ready) {
        services.values().forEach(service -> service.instances.forEach(instance -> {
            if (ready.test(instance)) {
                service.unready.remove(instance);
            } else {
                service.unready.add(instance);
            }
        }));
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
        Service service = uri.getHost() == null ? null : services.get(uri.getHost());
        return service == null ? client.createRequest(uri, method) : new BalancedRequest(service, uri, method);
    }

    /** The instances of one service, the next one to take a request, and those passed over until when. */
    private final class Service {
        final List<URI> instances;
        final AtomicInteger next = new AtomicInteger();
        final Map<URI, Instant> downUntil = new ConcurrentHashMap<>();
        final Set<URI> unready = ConcurrentHashMap.newKeySet();

        Service(List<URI> instances) {
            this.instances = instances;
        }

        /** Every instance once, starting with the next in turn; those passed over at the end. */
        List<URI> inTurn() {
            int first = Math.floorMod(next.getAndIncrement(), instances.size());
            Instant now = clock.instant();
            List<URI> up = new ArrayList<>();
            List<URI> down = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                URI instance = instances.get((first + i) % instances.size());
                Instant until = downUntil.get(instance);
                (until != null && now.isBefore(until) || unready.contains(instance) ? down : up).add(instance);
            }
            up.addAll(down);
            return up;
        }

        void refused(URI instance) {
            downUntil.put(instance, clock.instant().plus(downFor));
        }

        void answered(URI instance) {
            downUntil.remove(instance);
        }
    }

    /** Headers and body kept until the request is sent, so that it can go to another instance if one refuses it. */
    private final class BalancedRequest implements ClientHttpRequest, StreamingHttpOutputMessage {
        private final Service service;
        private final URI uri;
        private final HttpMethod method;
        private final HttpHeaders headers = new HttpHeaders();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private Body body;
        private ByteArrayOutputStream written;

        BalancedRequest(Service service, URI uri, HttpMethod method) {
            this.service = service;
            this.uri = uri;
            this.method = method;
        }

        @Override
        public ClientHttpResponse execute() throws IOException {
            IOException refused = null;
            for (URI instance : service.inTurn()) {
                ClientHttpRequest request = client.createRequest(at(instance), method);
                request.getHeaders().putAll(headers);
                request.getAttributes().putAll(attributes);
                if (body != null) {
                    if (request instanceof StreamingHttpOutputMessage streaming) {
                        streaming.setBody(body);
                    } else {
                        body.writeTo(request.getBody());
                    }
                } else if (written != null) {
                    request.getBody().write(written.toByteArray());
                }
                try {
                    ClientHttpResponse response = request.execute();
                    service.answered(instance);
                    return response;
                } catch (IOException e) {
                    if (!refusedConnection(e)) {
                        throw e;
                    }
                    service.refused(instance);
                    refused = e;
                }
            }
            throw refused != null ? refused : new ConnectException("no instance of " + uri.getHost() + " is known");
        }

        private URI at(URI instance) {
            return UriComponentsBuilder.fromUri(uri).scheme(instance.getScheme()).host(instance.getHost())
                    .port(instance.getPort()).build(true).toUri();
        }

        private static boolean refusedConnection(IOException e) {
            return e instanceof HttpHostConnectException || e instanceof ConnectException
                    || e.getCause() instanceof ConnectException;
        }

        @Override
        public void setBody(Body body) {
            this.body = body;
        }

        @Override
        public OutputStream getBody() {
            if (written == null) {
                written = new ByteArrayOutputStream();
            }
            return written;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }
    }
}
