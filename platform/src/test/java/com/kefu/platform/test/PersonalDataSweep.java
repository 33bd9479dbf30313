package com.kefu.platform.test;

import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.Endpoints.Endpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * S5 for one service: personal data in clear only where the rules allow it, proven by reading everything rather than
 * by the names of fields. A test seeds personal data of every kind the service keeps with distinctive values, then
 * the sweep calls every GET endpoint of the service (from Spring's handler mappings, as {@link RoleMatrix} lists them)
 * as each of the nine roles, with the id of every record it seeded put into every path variable (so a history, a
 * form or a past state is also asked for records of the wrong kind), the optional times and days given so that the
 * seeded records are inside them ({@code asOf}, {@code from}, {@code to}), and fails when a clear value appears in any
 * answer, whatever its status, outside the endpoints named as the recorded contact reads. The same values must not
 * appear on the service's topic ({@link #assertNotOnTopic}) or in its logs ({@link #assertNotIn}).
 * <p>
 * So that it cannot pass by reading nothing, every value's masked form must have been seen in at least one answer
 * ({@link Seeded#masked}).
 * <p>
 * A service's test says only what is its own: it seeds its records (with {@link #distinct}, {@link #newPhone},
 * {@link #newDocument} values), names them ({@link #name}, {@link #phone}, {@link #document}, {@link #record}), its
 * contact reads, its topic ({@link #topic}) and its log ({@link #logs}), and calls {@link #assertEverywhere}.
 */
public final class PersonalDataSweep {

    /** A clear value seeded, and how it shows masked where the masked form is expected to be read. */
    public record Seeded(String clear, String masked) {
    }

    private final ApplicationContext context;
    private final Http http;
    private final String service;
    private final List<Seeded> seeded = new ArrayList<>();
    private final Set<String> values = new LinkedHashSet<>();
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final Set<String> contactReads = new TreeSet<>();
    private final List<String> awaited = new ArrayList<>();
    private String topic;
    private Supplier<String> logs;
    private Instant asOf;
    private LocalDate day;

    private PersonalDataSweep(ApplicationContext context, int port) {
        this.context = context;
        this.http = new Http(port);
        this.service = context.getEnvironment().getProperty("spring.application.name", "the service");
    }

    public static PersonalDataSweep of(ApplicationContext context, int port) {
        return new PersonalDataSweep(context, port);
    }

    /** A clear value that must be read nowhere but the contact reads, and its masked form some answer must show. */
    public PersonalDataSweep personal(String clear, String masked) {
        seeded.add(new Seeded(clear, masked));
        return this;
    }

    /** A person's name, seeded: masked, it shows as the first letter of each word. */
    public PersonalDataSweep name(String clear) {
        return personal(clear, Masking.name(clear));
    }

    /** A phone number, seeded: masked, it shows as {@code 138****5678}. */
    public PersonalDataSweep phone(String clear) {
        return personal(clear, Masking.phone(clear));
    }

    /** An identity document, seeded: masked, only its last four characters show. */
    public PersonalDataSweep document(String clear) {
        return personal(clear, Masking.document(clear));
    }

    /** A person's data that reaches the service but that no answer shows, not even masked. */
    public PersonalDataSweep never(String clear) {
        return personal(clear, "");
    }

    /** {@code 欧阳娜娜} → {@code 欧阳娜娜 3f2a}: a value no other test seeds, so that finding it means this one. */
    public static String distinct(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 4);
    }

    /** {@code 136} → {@code 13612345678}: a phone number no other test seeds. */
    public static String newPhone(String prefix) {
        return prefix + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** {@code 护照 E} → {@code 护照 E12345678}: a document number no other test seeds. */
    public static String newDocument(String prefix) {
        return prefix + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /**
     * The service's topic: read once the records keyed by {@code awaited} are on it (so that the relay has published
     * what was seeded), and no record may hold a clear value.
     */
    public PersonalDataSweep topic(String topic, String... awaited) {
        this.topic = topic;
        this.awaited.addAll(List.of(awaited));
        return this;
    }

    /** The service's log output, written at DEBUG while it was seeded and swept: no line may hold a clear value. */
    public PersonalDataSweep logs(Supplier<String> logs) {
        this.logs = logs;
        return this;
    }

    /**
     * The whole sweep: every GET as every role ({@link #assertNoClearValueOutsideContactReads}), then the topic
     * ({@link #assertNotOnTopic}) and the log ({@link #assertNotIn}), which must have been written at DEBUG. Answers
     * the number of requests made.
     */
    public int assertEverywhere() {
        int requests = assertNoClearValueOutsideContactReads();
        if (topic == null || logs == null) {
            fail("the sweep of " + service + " names no topic or no log: it must read both");
        }
        awaited.forEach(key -> Topics.awaitRecord(topic, key));
        assertNotOnTopic(topic);
        String text = logs.get();
        if (!text.contains("DEBUG")) {
            fail(service + "'s log was not written at DEBUG while it was swept: the sweep of the log proves nothing");
        }
        assertNotIn(service + "'s log", text);
        return requests;
    }

    /**
     * A record seeded, of a kind ({@code "Complaint"}), whose id goes into every path variable. An endpoint that
     * answers 200 for records of two kinds serves a kind that is not its own (S5): a finding.
     */
    public PersonalDataSweep record(String kind, String id) {
        values.add(id);
        kinds.put(id, kind);
        return this;
    }

    /** Other values put into every path variable: a card number, a day, a department. */
    public PersonalDataSweep pathValues(String... other) {
        values.addAll(List.of(other));
        return this;
    }

    /** {@code "GET /api/complaints/{id}/contact"}: a contact read, which answers in clear and records the read. */
    public PersonalDataSweep contactRead(String key) {
        contactReads.add(key);
        return this;
    }

    /** The instant given to optional instant parameters ({@code asOf}) and the day to optional day parameters. */
    public PersonalDataSweep at(Instant instant, LocalDate today) {
        this.asOf = instant;
        this.day = today;
        return this;
    }

    /**
     * Calls every GET endpoint as every role with every path value; fails naming each answer that holds a clear
     * value outside the contact reads, a contact read that does not exist, and a masked value no answer showed.
     * Answers the number of requests made.
     */
    public int assertNoClearValueOutsideContactReads() {
        List<Endpoint> endpoints = Endpoints.of(context).stream().filter(e -> e.method().equals("GET")).toList();
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        endpoints.forEach(endpoint -> keys.add(endpoint.key()));
        contactReads.stream().filter(key -> !keys.contains(key))
                .forEach(key -> problems.add(key + " is named as a contact read but " + service + " has no such endpoint"));
        Set<String> unseen = new LinkedHashSet<>();
        seeded.forEach(value -> unseen.add(value.masked()));
        int requests = 0;
        long started = System.nanoTime();
        for (Endpoint endpoint : endpoints) {
            // what the endpoint served, by kind of record; an endpoint with a {kind} serves the kind it names
            Map<String, Map<String, String>> servedByScope = new LinkedHashMap<>();
            boolean contactRead = contactReads.contains(endpoint.key());
            List<String> queries = List.of(endpoint.query(Map.of()), endpoint.query(times(endpoint))).stream()
                    .distinct().toList();
            for (Map<String, String> variables : variables(endpoint)) {
                for (String query : queries) {
                    String uri = endpoint.path(encoded(variables)) + query;
                    for (String role : RoleRule.ROLES) {
                        Http.Response response = http.send(Http.request("GET", uri).bearer(Tokens.of(role))
                                .header("Accept", endpoint.accept()));
                        requests++;
                        String call = role + " GET " + uri + " (" + endpoint.label() + ", " + response.status() + ")";
                        if (response.status() >= 500) {
                            problems.add(call + " broke: " + response);
                        }
                        if (response.status() == 200) {
                            unseen.removeIf(response.body()::contains);
                            if (!nothing(response.body())) {
                                Map<String, String> served = servedByScope.computeIfAbsent(
                                        variables.getOrDefault("kind", ""), scope -> new LinkedHashMap<>());
                                variables.values().stream().filter(kinds::containsKey)
                                        .forEach(id -> served.putIfAbsent(kinds.get(id), uri));
                            }
                        }
                        seeded.stream().filter(value -> !contactRead && response.body().contains(value.clear()))
                                .forEach(value -> problems.add(call + " read " + value.clear() + " in clear"));
                    }
                }
            }
            servedByScope.forEach((scope, served) -> {
                if (served.size() > 1) {
                    problems.add(endpoint.label() + (scope.isEmpty() ? "" : " for " + scope) + " serves records of "
                            + served.size() + " kinds, not only its own: " + served);
                }
            });
        }
        System.out.printf("personal-data sweep of %s: %d GET endpoints, %d requests in %d ms%n", service,
                endpoints.size(), requests, (System.nanoTime() - started) / 1_000_000);
        if (!unseen.isEmpty()) {
            problems.add("no answer of " + service + " showed " + unseen + ": the sweep did not reach the data it "
                    + "seeded, so it proves nothing about it");
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " findings of the personal-data sweep of " + service + " (" + requests
                    + " requests):\n" + String.join("\n", problems));
        }
        return requests;
    }

    /** No clear value in any record of the topic, whatever its key. */
    public void assertNotOnTopic(String topic) {
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : Topics.all(topic)) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            for (Seeded value : seeded) {
                if (text.contains(value.clear())) {
                    problems.add(value.clear() + " in clear on " + topic + " in the record of " + record.key());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** No clear value in the text (the service's log output). */
    public void assertNotIn(String what, String text) {
        List<String> problems = new ArrayList<>();
        for (Seeded value : seeded) {
            int at = text.indexOf(value.clear());
            if (at >= 0) {
                int from = text.lastIndexOf('\n', at) + 1;
                int to = text.indexOf('\n', at);
                problems.add(value.clear() + " in clear in " + what + ": "
                        + text.substring(from, to < 0 ? text.length() : Math.min(to, from + 400)));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** An answer that holds no record (an empty list, a programme with no notes yet): it serves no kind of record. */
    private static boolean nothing(String body) {
        String trimmed = body.strip();
        return trimmed.isEmpty() || trimmed.equals("[]") || trimmed.equals("{}");
    }

    /**
     * Every combination of the path values in the endpoint's path variables (one, empty, when it has none). The
     * auditors' {@code {service}} and {@code {kind}} name a service and a kind of record, not a record: they take the
     * service's own name and its kinds ({@link AuditedRecords}, and one that is none), so that a record's id is tried
     * in every kind without trying every id as a service and as a kind too (another service's name is a 404 before
     * anything is read: AuditedRecordsController).
     */
    private List<Map<String, String>> variables(Endpoint endpoint) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (String variable : endpoint.pathVariables().keySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : valuesOf(variable)) {
                    Map<String, String> more = new LinkedHashMap<>(combination);
                    more.put(variable, value);
                    next.add(more);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private Collection<String> valuesOf(String variable) {
        return switch (variable) {
            case "service" -> List.of(service.replaceFirst("-service$", ""));
            case "kind" -> {
                List<String> kinds = new ArrayList<>(context.getBeanProvider(AuditedRecords.class)
                        .getIfAvailable(AuditedRecords::none).kinds().stream().map(AuditedRecords.Kind::name).toList());
                kinds.add("no-such-kind");
                yield kinds;
            }
            default -> values;
        };
    }

    private static Map<String, String> encoded(Map<String, String> variables) {
        Map<String, String> encoded = new LinkedHashMap<>();
        variables.forEach((name, value) -> encoded.put(name, Endpoints.encode(value)));
        return encoded;
    }

    /**
     * The instants ({@code asOf}) and days ({@code date}, {@code from}, {@code to}) an endpoint reads, given so that
     * the seeded records fall inside them; the endpoint is also called without the optional ones.
     */
    private Map<String, String> times(Endpoint endpoint) {
        Map<String, String> query = new LinkedHashMap<>();
        endpoint.requestParams().forEach((name, parameter) -> {
            Class<?> type = parameter.getNestedParameterType();
            if (type == Instant.class && asOf != null) {
                query.put(name, Endpoints.encode(asOf.toString()));
            } else if (type == LocalDate.class && day != null) {
                query.put(name, day.toString());
            }
        });
        return query;
    }
}
