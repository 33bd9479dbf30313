package com.kefu.platform.test;

import com.kefu.platform.test.Endpoints.Endpoint;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * S4 for one service: every endpoint carries an explicit role rule, and answers every role of REQUIREMENTS.md as
 * its rule says. A role outside the rule gets 403 (a problem detail) whatever it sends; a role inside it is never
 * refused (401/403) and never breaks the service (5xx), though with dummy ids and bodies it mostly gets 400, 404 or
 * 409. Every endpoint also refuses forged tokens with 401 ({@link Tokens#forged()}).
 */
public final class RoleMatrix {

    private final String service;
    private final List<Endpoint> endpoints;
    private final Http http;

    private RoleMatrix(String service, List<Endpoint> endpoints, Http http) {
        this.service = service;
        this.endpoints = endpoints;
        this.http = http;
    }

    public static RoleMatrix of(ApplicationContext context, int port) {
        String service = context.getEnvironment().getProperty("spring.application.name", "the service");
        List<Endpoint> endpoints = Endpoints.of(context);
        assertThat(endpoints).as("the endpoints of %s", service).isNotEmpty();
        return new RoleMatrix(service, endpoints, new Http(port));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** No endpoint without a {@code @PreAuthorize} (on its method or class), and every rule readable. */
    public void assertEveryEndpointHasARule() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.rule() == null) {
                problems.add(endpoint + ": no @PreAuthorize on the method or its class");
                continue;
            }
            try {
                RoleRule.allowed(endpoint.rule());
            } catch (IllegalArgumentException unreadable) {
                problems.add(endpoint + ": " + unreadable.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " endpoints of " + service + " without a readable role rule:\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * The declared rules of the endpoints that matter most are those of REQUIREMENTS.md's roles table: for each key
     * ({@code "POST /api/complaints"}) every mapping of it lets in exactly the roles given.
     */
    public void assertRules(Map<String, Set<String>> expected) {
        List<String> problems = new ArrayList<>();
        expected.forEach((key, roles) -> {
            List<Endpoint> mapped = endpoints.stream().filter(e -> e.key().equals(key)).toList();
            if (mapped.isEmpty()) {
                problems.add(key + ": no such endpoint in " + service);
            }
            for (Endpoint endpoint : mapped) {
                Set<String> declared = endpoint.rule() == null ? Set.of() : RoleRule.allowed(endpoint.rule());
                Set<String> wanted = RoleRule.ordered(roles);
                if (!declared.equals(wanted)) {
                    problems.add(endpoint + ": declares " + declared + ", the roles table says " + wanted);
                }
            }
        });
        if (!problems.isEmpty()) {
            fail("rules that differ from REQUIREMENTS.md's roles table:\n" + String.join("\n", problems));
        }
    }

    /** Calls every endpoint as every role; prints the matrix of answers. */
    public void assertEveryRoleGetsOnlyWhatItsRuleAllows() {
        assertEveryEndpointHasARule();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> answers = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            Set<String> allowed = RoleRule.allowed(endpoint.rule());
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String role : RoleRule.ROLES) {
                Http.Request request = dummy(endpoint, Tokens.of(role));
                Http.Response response = http.send(request);
                row.put(role, response.status());
                boolean denied = response.status() == 401 || response.status() == 403;
                if (allowed.contains(role) && (denied || response.status() >= 500)) {
                    problems.add(role + " is in the rule of " + endpoint + " but got " + response
                            + "\n    for " + request);
                } else if (!allowed.contains(role) && (response.status() != 403 || !response.isProblem())) {
                    problems.add(role + " is outside the rule of " + endpoint + " but got " + response
                            + " (expected 403 problem+json)\n    for " + request);
                }
            }
            answers.put(endpoint.label(), row);
        }
        System.out.println(table(answers));
        if (!problems.isEmpty()) {
            fail(problems.size() + " answers of " + service + " break their role rule:\n"
                    + String.join("\n", problems));
        }
    }

    /** Every endpoint answers 401 (a problem detail) without a token and with each forged one. */
    public void assertForgedTokensAreRefused() {
        List<String> problems = new ArrayList<>();
        Map<String, String> forged = Tokens.forged();
        for (Endpoint endpoint : endpoints) {
            forged.forEach((what, authorization) -> {
                Http.Request request = dummy(endpoint, authorization);
                Http.Response response = http.send(request);
                if (response.status() != 401 || !response.isProblem()
                        || !response.headers().getOrDefault("www-authenticate", "").startsWith("Bearer")) {
                    problems.add(what + ": " + endpoint + " answered " + response
                            + " (expected 401 problem+json with WWW-Authenticate: Bearer)");
                }
            });
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " answers of " + service + " to forged tokens were not 401:\n"
                    + String.join("\n", problems));
        }
    }

    /** The endpoint called with dummy path values, required parameters and an empty body of the right kind. */
    public static Http.Request dummy(Endpoint endpoint, String authorization) {
        Http.Request request = Http.request(endpoint.method(), endpoint.uri())
                .bearer(authorization).header("Accept", endpoint.accept());
        if (endpoint.multipart()) {
            String boundary = "kefu-role-matrix";
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + endpoint.partName()
                    + "\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot really a photo\r\n--"
                    + boundary + "--\r\n";
            request.body("multipart/form-data; boundary=" + boundary, part.getBytes(StandardCharsets.UTF_8));
        } else if (endpoint.body().isPresent()) {
            request.json("{}");
        }
        return request;
    }

    private static String table(Map<String, Map<String, Integer>> answers) {
        Set<String> roles = new LinkedHashSet<>(RoleRule.ROLES);
        String header = String.format("%-80s ", "endpoint") + roles.stream()
                .map(role -> String.format("%-4s", role.substring(0, Math.min(4, role.length()))))
                .collect(Collectors.joining(" "));
        StringBuilder table = new StringBuilder(header).append('\n');
        answers.forEach((endpoint, row) -> {
            String name = endpoint.length() > 80 ? endpoint.substring(0, 80) : endpoint;
            table.append(String.format("%-80s ", name));
            row.values().forEach(status -> table.append(String.format("%-4d ", status)));
            table.append('\n');
        });
        return table.toString();
    }
}
