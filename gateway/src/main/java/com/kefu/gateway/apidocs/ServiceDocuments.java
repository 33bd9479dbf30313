package com.kefu.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.config.RouteProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Each service's own OpenAPI document, read when the whole API's is asked for (API1): from {@code /v3/api-docs} at
 * the uri of each of the gateway's routes, through the client the routes forward with (a route that names a service by
 * name goes to one of its instances that is up, as a request would), all at once, all within {@code timeout}. Read at
 * each request rather than at build time: the document is the one of the services that run, whatever their versions,
 * and no service has to be built before the gateway. A service that does not answer within the time, answers with an
 * error or with something that is not an OpenAPI document is left out, with the reason, and the others are not held up.
 */
class ServiceDocuments implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceDocuments.class);

    private final GatewayMvcProperties gateway;
    private final RestClient client;
    private final Duration timeout;
    private final ExecutorService readers;

    ServiceDocuments(GatewayMvcProperties gateway, ClientHttpRequestFactory proxy, Duration timeout) {
        this.gateway = gateway;
        this.client = RestClient.builder().requestFactory(proxy).build();
        this.timeout = timeout;
        this.readers = Executors.newFixedThreadPool(Math.max(2, 2 * gateway.getRoutes().size()), runnable -> {
            Thread thread = new Thread(runnable, "api-docs-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Every route's service with the paths it is sent and its document, in the order of the routes. A route that also
     * asks for a query parameter (the search's kinds other services own) takes only some requests of a path another
     * route sends whole: the whole path's operation is documented once, by that other route's service.
     */
    List<ServiceDocument> read() {
        Map<RouteProperties, CompletableFuture<OpenAPI>> reading = new LinkedHashMap<>();
        for (RouteProperties route : gateway.getRoutes()) {
            if (!paths(route).isEmpty() && !narrowedByQuery(route)) {
                reading.put(route, CompletableFuture.supplyAsync(() -> document(route), readers));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceDocument> documents = new ArrayList<>();
        reading.forEach((route, document) -> {
            String service = route.getId();
            try {
                documents.add(ServiceDocument.of(service, paths(route),
                        document.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)));
            } catch (TimeoutException e) {
                document.cancel(true);
                documents.add(unavailable(route, "no answer within " + timeout.toSeconds() + " s"));
            } catch (ExecutionException e) {
                documents.add(unavailable(route, reason(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                documents.add(unavailable(route, "not read: the gateway is stopping"));
            }
        });
        return documents;
    }

    private OpenAPI document(RouteProperties route) {
        String body = client.get().uri(route.getUri().resolve("/v3/api-docs")).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(String.class);
        try {
            // read with the mapper of the document's version: 3.1's JSON Schema keywords are lost to 3.0's
            JsonNode tree = Json.mapper().readTree(body);
            return (tree.path("openapi").asText().startsWith("3.1") ? Json31.mapper() : Json.mapper())
                    .treeToValue(tree, OpenAPI.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("its /v3/api-docs is not an OpenAPI document: " + e.getMessage(), e);
        }
    }

    private static ServiceDocument unavailable(RouteProperties route, String why) {
        log.warn("the OpenAPI document of {} ({}) is not in the whole API's: {}", route.getId(), route.getUri(), why);
        return ServiceDocument.unavailable(route.getId(), paths(route), why);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof RestClientResponseException answered) {
            return "its /v3/api-docs answered " + answered.getStatusCode().value();
        }
        if (failure instanceof IllegalArgumentException unreadable) {
            return unreadable.getMessage();
        }
        return "no answer: " + failure.getMessage();
    }

    private static boolean narrowedByQuery(RouteProperties route) {
        return route.getPredicates().stream().anyMatch(predicate -> "Query".equalsIgnoreCase(predicate.getName()));
    }

    /** The route's {@code Path} patterns: the paths the gateway sends to the service. */
    static List<String> paths(RouteProperties route) {
        return route.getPredicates().stream().filter(predicate -> "Path".equalsIgnoreCase(predicate.getName()))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(patterns -> List.of(patterns.split(",")).stream()).map(String::trim)
                .filter(pattern -> !pattern.isEmpty()).toList();
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
