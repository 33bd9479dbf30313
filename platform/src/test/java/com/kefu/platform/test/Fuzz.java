package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.test.Endpoints.Endpoint;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.fail;

/**
 * Malformed requests across a service's whole API, from a seeded {@link Random}: broken and deeply nested JSON,
 * fields of the wrong type, unknown enum values and fields, bodies past the size limit, forged and broken tokens,
 * path tricks, junk in parameters, wrong content types and methods, oversized headers. Each must be
 * answered 4xx, and no body may carry a stack trace or a Java class name. The seed is printed and can be given
 * back with {@code -Dkefu.fuzz.seed=…} to send the same requests again; by default each service has a fixed seed,
 * {@code -Dkefu.fuzz.seed=random} draws a new one; {@code -Dkefu.fuzz.requests=…} sends more.
 */
public final class Fuzz {

    /** What no answer may show: stack traces, exception and class names, framework packages. */
    static final List<String> LEAKS = List.of("Exception", "exception", "\tat ", "at com.", "at org.", "at java.",
            "Caused by", "com.kefu", "org.springframework", "org.hibernate", "org.axonframework", "org.postgresql",
            "com.fasterxml", "java.lang", "java.util", "jakarta.", "org.apache", "Tomcat", "Whitelabel", "\"trace\"");

    private static final int MEGABYTE = 1024 * 1024;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    private final List<Endpoint> endpoints;
    private final Http http;
    private final Random random;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Endpoint, List<String>> tokens = new LinkedHashMap<>();
    private final Map<Endpoint, PathPattern> patterns = new LinkedHashMap<>();

    private Fuzz(List<Endpoint> endpoints, int port, long seed) {
        this.endpoints = endpoints;
        this.http = new Http(port);
        this.seed = seed;
        this.random = new Random(seed);
        Map<String, String> byRole = new LinkedHashMap<>();
        RoleRule.ROLES.forEach(role -> byRole.put(role, Tokens.of(role)));
        for (Endpoint endpoint : endpoints) {
            List<String> allowed = new ArrayList<>(endpoint.rule() == null ? RoleRule.ROLES
                    : RoleRule.allowed(endpoint.rule()));
            tokens.put(endpoint, allowed.stream().map(byRole::get).toList());
            patterns.put(endpoint, PATTERNS.parse(endpoint.pattern()));
        }
    }

    /** A kind of malformed request: whether it applies to an endpoint, and the request it makes. */
    private record Kind(String name, int weight, java.util.function.Predicate<Endpoint> appliesTo,
                        Function<Endpoint, Http.Request> make) {
    }

    /**
     * Sends {@code requests} malformed requests across the service's API (as {@link Endpoints#of} finds it) and
     * fails with every answer that is not 4xx or that shows internals.
     */
    public static void assertEveryAnswerIs4xx(ApplicationContext context, int port, int requests) {
        String service = context.getEnvironment().getProperty("spring.application.name", "the service");
        String given = System.getProperty("kefu.fuzz.seed");
        // the same requests on every build (a build must not pass or fail by luck); -Dkefu.fuzz.seed=random explores
        long seed = given == null || given.isBlank() ? service.hashCode()
                : given.trim().equals("random") ? new Random().nextLong() : Long.parseLong(given.trim());
        System.out.println("fuzz " + service + ": seed " + seed + " (again: -Dkefu.fuzz.seed=" + seed + ")");
        new Fuzz(Endpoints.of(context), port, seed).run(service, Integer.getInteger("kefu.fuzz.requests", requests));
    }

    private void run(String service, int requests) {
        List<Kind> kinds = kinds();
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Integer>> answers = new TreeMap<>();
        Map<String, Long> spent = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            Kind kind = pick(kinds, endpoint);
            Http.Request request = kind.make().apply(endpoint);
            Http.Response response;
            long sent = System.nanoTime();
            try {
                response = http.send(request);
                spent.merge(kind.name(), (System.nanoTime() - sent) / 1_000_000, Long::sum);
            } catch (RuntimeException noAnswer) {
                failures.add("#" + i + " " + kind.name() + ": no answer (" + noAnswer.getCause() + ") to " + request);
                continue;
            }
            String answer = response.status() + (response.isProblem() ? " problem" : " " + response.contentType());
            answers.computeIfAbsent(kind.name(), k -> new TreeMap<>()).merge(answer, 1, Integer::sum);
            if (!response.isProblem()) {
                samples.putIfAbsent(answer, response.toString().substring(0, Math.min(160,
                        response.toString().length())) + " for " + request.method() + " " + request.path()
                        .substring(0, Math.min(60, request.path().length())));
            }
            if (response.status() < 400 || response.status() > 499) {
                failures.add("#" + i + " " + kind.name() + ": " + response + "\n    for " + request);
            } else {
                String leak = LEAKS.stream().filter(response.body()::contains).findFirst().orElse(null);
                if (leak != null) {
                    failures.add("#" + i + " " + kind.name() + ": the answer shows '" + leak + "': " + response
                            + "\n    for " + request);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder summary = new StringBuilder("fuzz " + service + ": " + requests + " requests in " + millis
                + " ms, seed " + seed + "\n");
        answers.forEach((kind, statuses) -> summary.append(String.format("  %-20s %6d ms %s%n", kind,
                spent.getOrDefault(kind, 0L), statuses)));
        summary.append("  answers that are not problem details, one of each:\n");
        samples.values().forEach(sample -> summary.append("    ").append(sample).append('\n'));
        System.out.println(summary);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + requests + " malformed requests to " + service + " were not answered "
                    + "4xx without internals (seed " + seed + ", again with -Dkefu.fuzz.seed=" + seed + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    private Kind pick(List<Kind> kinds, Endpoint endpoint) {
        List<Kind> applicable = kinds.stream().filter(kind -> kind.appliesTo().test(endpoint)).toList();
        int total = applicable.stream().mapToInt(Kind::weight).sum();
        int at = random.nextInt(total);
        for (Kind kind : applicable) {
            at -= kind.weight();
            if (at < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind of request for " + endpoint);
    }

    private List<Kind> kinds() {
        return List.of(
                new Kind("broken JSON", 12, Fuzz::readsJson, e -> withBody(e, brokenJson(e))),
                new Kind("wrong field type", 14, this::hasFields, e -> withBody(e, wrongType(e))),
                new Kind("unknown enum value", 6, this::hasEnumField, e -> withBody(e, unknownEnum(e))),
                new Kind("unknown field", 5, this::hasFields, e -> withBody(e, unknownField(e))),
                new Kind("wrong JSON shape", 4, this::hasFields, e -> withBody(e, pickOf("[]", "[{}]", "\"text\"",
                        "42", "true", "[\"a\",1,null]"))),
                new Kind("no body", 3, Fuzz::requiresJson, e -> Http.request(e.method(), e.uri()).bearer(token(e))
                        .header("Content-Type", "application/json")),
                new Kind("deep nesting", 4, Fuzz::readsJson, e -> withBody(e, deep())),
                new Kind("invalid UTF-8", 3, Fuzz::readsJson, this::invalidUtf8),
                new Kind("huge body", 2, e -> true, this::huge),
                new Kind("huge chunked body", 1, Fuzz::readsJson, this::hugeChunked),
                new Kind("bad token", 10, e -> true, this::badToken),
                new Kind("path trick", 10, e -> true, this::pathTrick),
                new Kind("bad parameter", 6, this::hasTypedParams, this::badParameter),
                new Kind("missing parameter", 2, this::hasRequiredParams, this::missingParameter),
                new Kind("wrong content type", 6, Endpoint::readsBody, this::wrongContentType),
                new Kind("wrong method", 6, e -> wrongMethod(e) != null, e -> dummy(e, wrongMethod(e))),
                new Kind("long header", 3, e -> true, this::longHeader));
    }

    // ----- which endpoints a kind applies to

    private static boolean readsJson(Endpoint endpoint) {
        return endpoint.body().isPresent();
    }

    private static boolean requiresJson(Endpoint endpoint) {
        return endpoint.body().map(p -> p.getParameterAnnotation(RequestBody.class).required()).orElse(false);
    }

    private boolean hasFields(Endpoint endpoint) {
        return endpoint.body().map(p -> p.getNestedParameterType().isRecord()
                && p.getNestedParameterType().getRecordComponents().length > 0).orElse(false);
    }

    private boolean hasEnumField(Endpoint endpoint) {
        return hasFields(endpoint) && !leaves(bodyType(endpoint), "", 0, Class::isEnum).isEmpty();
    }

    private boolean hasTypedParams(Endpoint endpoint) {
        return endpoint.requestParams().values().stream().anyMatch(p -> typed(p.getNestedParameterType()))
                || endpoint.pathVariables().values().stream().anyMatch(p -> typed(p.getNestedParameterType()));
    }

    private boolean hasRequiredParams(Endpoint endpoint) {
        return !endpoint.query(Map.of()).isEmpty() && endpoint.params().isEmpty();
    }

    private static boolean typed(Class<?> type) {
        return type != String.class && type != Object.class;
    }

    // ----- requests

    private String token(Endpoint endpoint) {
        List<String> allowed = tokens.get(endpoint);
        return allowed.isEmpty() ? Tokens.of("ADMIN") : allowed.get(random.nextInt(allowed.size()));
    }

    private Http.Request dummy(Endpoint endpoint, String method) {
        Http.Request request = RoleMatrix.dummy(endpoint, token(endpoint));
        return method.equals(endpoint.method()) ? request : copy(request, method, endpoint.uri());
    }

    private Http.Request copy(Http.Request request, String method, String path) {
        Http.Request copy = Http.request(method, path);
        request.headers().forEach(copy::header);
        return copy;
    }

    private Http.Request withBody(Endpoint endpoint, String body) {
        return Http.request(endpoint.method(), endpoint.uri()).bearer(token(endpoint))
                .header("Accept", endpoint.accept()).json(body);
    }

    private String brokenJson(Endpoint endpoint) {
        String plausible = plausible(endpoint).toString();
        String broken = switch (random.nextInt(8)) {
            case 0 -> plausible.substring(0, Math.max(1, random.nextInt(plausible.length())));
            case 1 -> plausible.replaceFirst(":", "");
            case 2 -> plausible.replaceFirst("\"", "'");
            case 3 -> plausible.substring(0, plausible.length() - 1) + ",}";
            case 4 -> "{" + plausible;
            case 5 -> plausible.replaceFirst(",", ",,");
            case 6 -> plausible + "}{";
            default -> pickOf("{", "[", "nul", "{\"a\":}", "{\"a\" 1}", "{a:1}", "\u0000", "{\"a\":NaN}",
                    "{\"a\":01}", "{\"a\":\"\\x\"}", "}");
        };
        // a body of one field has no comma to double: then something surely broken
        return broken.equals(plausible) ? plausible + "," : broken;
    }

    private String wrongType(Endpoint endpoint) {
        ObjectNode body = plausible(endpoint);
        List<String> fields = leaves(bodyType(endpoint), "", 0, type -> wrongValues(type).length > 0);
        if (fields.isEmpty()) {
            return "[]";
        }
        String field = fields.get(random.nextInt(fields.size()));
        Class<?> type = typeAt(bodyType(endpoint), field);
        set(body, field, parse(pickOf(wrongValues(type))));
        return body.toString();
    }

    private String unknownEnum(Endpoint endpoint) {
        ObjectNode body = plausible(endpoint);
        List<String> fields = leaves(bodyType(endpoint), "", 0, Class::isEnum);
        set(body, fields.get(random.nextInt(fields.size())),
                JsonNodeFactory.instance.textNode(pickOf("NOT_A_VALUE", "vip", "", " VIP", "VIP ", "未知", "NULL")));
        return body.toString();
    }

    private String unknownField(Endpoint endpoint) {
        ObjectNode body = plausible(endpoint);
        String name = pickOf("zzUnknown", "__proto__", "@type", "$where", "isAdmin", "roles_");
        if (body.has(name)) {
            name = "zz" + name;
        }
        body.put(name, random.nextInt(100));
        return body.toString();
    }

    private static String deepText(int depth, String open, String close) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private String deep() {
        int depth = 1_500 + random.nextInt(60_000);
        return random.nextBoolean() ? deepText(depth, "[", "]") : deepText(depth, "{\"a\":", "}");
    }

    private Http.Request invalidUtf8(Endpoint endpoint) {
        byte[] start = "{\"x\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] end = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[start.length + bad.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        System.arraycopy(end, 0, body, start.length + bad.length, end.length);
        return Http.request(endpoint.method(), endpoint.uri()).bearer(token(endpoint)).body("application/json", body);
    }

    private byte[] hugeJson() {
        int size = MEGABYTE + 1 + random.nextInt(MEGABYTE / 8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"description\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private Http.Request huge(Endpoint endpoint) {
        return Http.request(endpoint.method(), endpoint.uri()).bearer(token(endpoint)).body("application/json",
                hugeJson());
    }

    private Http.Request hugeChunked(Endpoint endpoint) {
        byte[] body = hugeJson();
        return Http.request(endpoint.method(), endpoint.uri()).bearer(token(endpoint))
                .streamed("application/json", () -> new ByteArrayInputStream(body), body.length + " bytes, chunked");
    }

    private Http.Request badToken(Endpoint endpoint) {
        Http.Request request = RoleMatrix.dummy(endpoint, null);
        String valid = token(endpoint);
        String bad = switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, 7 + random.nextInt(valid.length() - 7));
            case 1 -> valid.substring(0, valid.length() - 3) + "abc";
            case 2 -> "Bearer " + randomText(1 + random.nextInt(300), "abcXYZ0123456789-_.");
            case 3 -> "Bearer " + valid.substring(7).replace('.', ',');
            case 4 -> valid + "." + valid.substring(7);
            case 5 -> "Bearer " + randomText(10, "!$%^&*()[]{}");
            default -> {
                List<String> forged = new ArrayList<>(Tokens.forged().values());
                yield forged.get(random.nextInt(forged.size()));
            }
        };
        return copy(request, endpoint.method(), endpoint.uri()).header("Authorization", bad);
    }

    /**
     * What no path may carry: encoded separators and dot segments, NUL and line breaks, broken escapes and broken
     * UTF-8, path parameters. (Odd but well-formed text, {@code <script>} or {@code ' or 1=1} say, is a valid
     * name where names are free text; the other kinds send it in bodies.)
     */
    private static final List<String> TRICKS = List.of("..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e", "..;",
            "%00", "x%00y", "%ff%fe", "%c0%ae%c0%ae", "%5c..%5c..", "%252e%252e%252f", "%0d%0aX-Injected:%201",
            "%", "%zz", ";jsessionid=1", "x;y=z", "%2f%2f", "..%5c", "%u002e%u002e", "%c0%af", "%e0%80",
            "%fc%80%80%80%80%af", "%2e", "a%2fb");

    private Http.Request pathTrick(Endpoint endpoint) {
        Http.Request request = RoleMatrix.dummy(endpoint, token(endpoint));
        String trick = random.nextInt(6) == 0 ? "x".repeat(2_000 + random.nextInt(30_000))
                : TRICKS.get(random.nextInt(TRICKS.size()));
        List<String> variables = new ArrayList<>(endpoint.pathVariables().keySet());
        String path = variables.isEmpty() || random.nextInt(4) == 0
                ? endpoint.path() + (random.nextBoolean() ? "/" : "/x/") + trick
                : endpoint.path(Map.of(variables.get(random.nextInt(variables.size())), trick));
        return copy(request, endpoint.method(), path + endpoint.query(Map.of()));
    }

    private Http.Request badParameter(Endpoint endpoint) {
        Map<String, MethodParameter> params = new LinkedHashMap<>();
        endpoint.requestParams().forEach((name, p) -> {
            if (typed(p.getNestedParameterType())) {
                params.put("?" + name, p);
            }
        });
        endpoint.pathVariables().forEach((name, p) -> {
            if (typed(p.getNestedParameterType())) {
                params.put("/" + name, p);
            }
        });
        List<String> names = new ArrayList<>(params.keySet());
        String name = names.get(random.nextInt(names.size()));
        String bad = Endpoints.encode(pickOf(badValues(params.get(name).getNestedParameterType())));
        String path = name.startsWith("/") ? endpoint.path(Map.of(name.substring(1), bad)) : endpoint.path();
        String query = name.startsWith("?") ? endpoint.query(Map.of(name.substring(1), bad)) : endpoint.query(Map.of());
        return copy(RoleMatrix.dummy(endpoint, token(endpoint)), endpoint.method(), path + query);
    }

    private Http.Request missingParameter(Endpoint endpoint) {
        return copy(RoleMatrix.dummy(endpoint, token(endpoint)), endpoint.method(), endpoint.path());
    }

    private Http.Request wrongContentType(Endpoint endpoint) {
        String type = endpoint.multipart() ? pickOf("application/json", "text/plain", "application/octet-stream")
                : pickOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=klingon", "application/jsonx", "garbage", "application/jsn",
                "image/png", "text/csv");
        return Http.request(endpoint.method(), endpoint.uri()).bearer(token(endpoint))
                .header("Accept", endpoint.accept()).body(type, plausible(endpoint).toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** A method no endpoint maps for this endpoint's (dummy) path, or null. */
    private String wrongMethod(Endpoint endpoint) {
        PathContainer path = PathContainer.parsePath(endpoint.path());
        Set<String> mapped = new TreeSet<>();
        for (Endpoint other : endpoints) {
            if (patterns.get(other).matches(path)) {
                mapped.add(other.method());
            }
        }
        List<String> wrong = METHODS.stream().filter(m -> !mapped.contains(m)).toList();
        return wrong.isEmpty() ? null : wrong.get(Math.floorMod(endpoint.pattern().hashCode() + mapped.size(),
                wrong.size()));
    }

    private Http.Request longHeader(Endpoint endpoint) {
        Http.Request request = RoleMatrix.dummy(endpoint, token(endpoint));
        if (random.nextBoolean()) {
            return request.header("X-Fuzz", randomText(17_000 + random.nextInt(40_000), "abcdefgh"));
        }
        for (int i = 0; i < 400; i++) {
            request.header("X-Fuzz-" + i, randomText(60, "abcdefgh"));
        }
        return request;
    }

    // ----- plausible bodies, and what makes them wrong

    private Class<?> bodyType(Endpoint endpoint) {
        return endpoint.body().map(MethodParameter::getNestedParameterType).orElse(Object.class);
    }

    /** A body of the right shape with values of the right types (not necessarily valid ones). */
    private ObjectNode plausible(Endpoint endpoint) {
        Class<?> type = bodyType(endpoint);
        JsonNode body = type.isRecord() ? plausible(type, type, 0) : null;
        return body instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private JsonNode plausible(Class<?> type, Type generic, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type == String.class) {
            return nodes.textNode(randomText(1 + random.nextInt(20), "abcxyz 王芳投诉Иван"));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return nodes.textNode(((Enum<?>) constants[random.nextInt(constants.length)]).name());
        }
        if (type == boolean.class || type == Boolean.class) {
            return nodes.booleanNode(random.nextBoolean());
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return nodes.numberNode(1 + random.nextInt(5));
        }
        if (Temporal.class.isAssignableFrom(type) || type == YearMonth.class) {
            return nodes.textNode(temporal(type));
        }
        if (type.isRecord() && depth < 4) {
            ObjectNode object = nodes.objectNode();
            for (RecordComponent component : type.getRecordComponents()) {
                JsonNode value = plausible(component.getType(), component.getGenericType(), depth + 1);
                if (value != null) {
                    object.set(component.getName(), value);
                }
            }
            return object;
        }
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && depth < 4) {
            ArrayNode array = nodes.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                JsonNode value = plausible(element, element, depth + 1);
                if (value != null) {
                    array.add(value);
                }
            }
            return array;
        }
        return null;
    }

    private static String temporal(Class<?> type) {
        Instant now = Instant.now().minusSeconds(3600);
        if (type == LocalDate.class) {
            return LocalDate.now().toString();
        }
        if (type == LocalTime.class) {
            return "10:00";
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now().withNano(0).toString();
        }
        if (type == YearMonth.class) {
            return YearMonth.now().toString();
        }
        return now.toString();
    }

    /** JSON values no Jackson coercion turns into a value of this type; none for types anything fits. */
    private static String[] wrongValues(Class<?> type) {
        if (type == String.class) {
            return new String[] {"{\"a\":1}", "[1,2]", "[[]]"};
        }
        if (type.isEnum()) {
            return new String[] {"{}", "[[\"x\"]]", "\"NOT_A_VALUE\""};
        }
        if (type == boolean.class || type == Boolean.class) {
            return new String[] {"\"maybe\"", "{}", "[[true]]"};
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return new String[] {"\"abc\"", "{}", "99999999999999999999999", "[[1]]"};
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return new String[] {"\"abc\"", "{}", "[[1]]"};
        }
        if (Temporal.class.isAssignableFrom(type) || type == YearMonth.class) {
            return new String[] {"\"not-a-time\"", "\"2026-13-45\"", "\"2026-02-30T25:61:00Z\"", "[[]]"};
        }
        if (Collection.class.isAssignableFrom(type)) {
            return new String[] {"\"not-a-list\"", "{\"a\":1}", "7"};
        }
        if (type.isRecord()) {
            return new String[] {"[1,2]", "\"text\"", "[[]]"};
        }
        if (Map.class.isAssignableFrom(type)) {
            return new String[] {"[1]", "\"text\""};
        }
        return new String[0];
    }

    /** Request-parameter and path values that do not convert to the type. */
    private static String[] badValues(Class<?> type) {
        if (type.isEnum()) {
            return new String[] {"NOT_A_VALUE", "%00", "1;DROP", "vip"};
        }
        if (type == LocalDate.class) {
            return new String[] {"2026-02-30", "yesterday", "2026-13-01", "99999-01-01", "2026-1-1"};
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return new String[] {"not-a-time", "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z", "now"};
        }
        if (type == LocalTime.class) {
            return new String[] {"25:00", "noon", "10:61"};
        }
        if (type == YearMonth.class) {
            return new String[] {"2026-13", "now"};
        }
        if (type == boolean.class || type == Boolean.class) {
            return new String[] {"maybe", "2"};
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return new String[] {"abc", "1.5.5", "99999999999999999999", "-99999999999999999999", "1e3", "--1"};
        }
        return new String[] {"%00"};
    }

    /** Dotted paths of the leaf fields (of the body's record type) whose type passes the filter. */
    private List<String> leaves(Class<?> type, String prefix, int depth,
                                java.util.function.Predicate<Class<?>> filter) {
        List<String> found = new ArrayList<>();
        if (!type.isRecord() || depth > 3) {
            return found;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> field = component.getType();
            if (filter.test(field)) {
                found.add(path);
            }
            if (field.isRecord()) {
                found.addAll(leaves(field, path + ".", depth + 1, filter));
            }
        }
        return found;
    }

    private static Class<?> typeAt(Class<?> type, String path) {
        Class<?> current = type;
        for (String name : path.split("\\.")) {
            Class<?> owner = current;
            current = Arrays.stream(owner.getRecordComponents()).filter(c -> c.getName().equals(name))
                    .findFirst().orElseThrow().getType();
        }
        return current;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode owner = body;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = owner.get(names[i]);
            owner = next instanceof ObjectNode object ? object : owner.putObject(names[i]);
        }
        owner.set(names[names.length - 1], value);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @SafeVarargs
    private <T> T pickOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    private String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
