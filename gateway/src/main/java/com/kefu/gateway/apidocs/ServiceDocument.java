package com.kefu.gateway.apidocs;

import io.swagger.v3.oas.models.OpenAPI;

import java.util.List;

/**
 * One service's part of the whole API: the service (the gateway's route), the paths the gateway sends it (the route's
 * {@code Path} patterns), and its own OpenAPI document, or, when it could not be read, why not.
 */
record ServiceDocument(String service, List<String> routedPaths, OpenAPI document, String unavailable) {

    ServiceDocument {
        routedPaths = List.copyOf(routedPaths);
    }

    static ServiceDocument of(String service, List<String> routedPaths, OpenAPI document) {
        return new ServiceDocument(service, routedPaths, document, null);
    }

    static ServiceDocument unavailable(String service, List<String> routedPaths, String why) {
        return new ServiceDocument(service, routedPaths, null, why);
    }

    /** The service's own name in paths: {@code complaint} for {@code complaint-service}. */
    String name() {
        return service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
    }

    /** The prefix of the names this service's parts take where another part has the same name: {@code Complaint}. */
    String prefix() {
        StringBuilder prefix = new StringBuilder();
        for (String word : name().split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                prefix.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return prefix.toString();
    }
}
