package com.kefu.gateway.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The whole public API in one OpenAPI document (API1, issue 20): the gateway's own document with each service's merged
 * into it, in the order of the gateway's routes, on swagger-core's model.
 * <ul>
 * <li>Of a service's document only the paths the gateway routes to it are taken (its route's {@code Path} patterns),
 * with the components they use, directly or through other components: nothing the gateway does not proxy (the
 * actuator, a service's internal calls) appears. A path variable that the route fixes to the service's name is taken
 * as routed ({@code /api/audit/{service}/verify} → {@code /api/audit/complaint/verify}).</li>
 * <li>Components of the same kind and name (the problem details, a page, the bearer scheme) are one when they are the
 * same; when they differ, the later part's takes its service's prefix ({@code Page} → {@code DutylogPage}) and every
 * reference to it in that part is rewritten: a component whose references change so differs in turn, and is renamed
 * too. The gateway's own components keep their names; a service's keep theirs unless an earlier part has the name.</li>
 * <li>Operation ids are made unique the same way ({@code history} → {@code dutylogHistory}); an operation without
 * security of its own keeps its document's default.</li>
 * <li>A service whose document could not be read leaves the others as they are; its operations are missing, which the
 * document says in its description and in {@value #UNAVAILABLE} (service → why).</li>
 * </ul>
 */
final class ApiDocsMerge {

    /** The extension of the document that names the services whose operations are missing from it, and why. */
    static final String UNAVAILABLE = "x-kefu-unavailable";

    private static final Logger log = LoggerFactory.getLogger(ApiDocsMerge.class);
    private static final String COMPONENTS = "#/components/";
    private static final int MAX_ROUNDS = 100;

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>("schemas", Schema.class, Components::getSchemas, Components::setSchemas),
            new Kind<>("responses", ApiResponse.class, Components::getResponses, Components::setResponses),
            new Kind<>("parameters", Parameter.class, Components::getParameters, Components::setParameters),
            new Kind<>("examples", Example.class, Components::getExamples, Components::setExamples),
            new Kind<>("requestBodies", RequestBody.class, Components::getRequestBodies,
                    Components::setRequestBodies),
            new Kind<>("headers", Header.class, Components::getHeaders, Components::setHeaders),
            new Kind<>("securitySchemes", SecurityScheme.class, Components::getSecuritySchemes,
                    Components::setSecuritySchemes),
            new Kind<>("links", Link.class, Components::getLinks, Components::setLinks),
            new Kind<>("callbacks", Callback.class, Components::getCallbacks, Components::setCallbacks));

    private ApiDocsMerge() {
    }

    /** Merges {@code services}' documents into the gateway's own {@code api}, in their order. */
    static void merge(OpenAPI api, List<ServiceDocument> services) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        if (api.getPaths() == null) {
            api.setPaths(new Paths());
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (ServiceDocument service : services) {
            if (service.document() == null) {
                unavailable.put(service.service(), service.unavailable());
            } else {
                new Part(api, service, mapper(api)).merge();
            }
        }
        describe(api, services, unavailable);
    }

    private static void describe(OpenAPI api, List<ServiceDocument> services, Map<String, String> unavailable) {
        Info info = api.getInfo() == null ? new Info().version("0.1.0") : api.getInfo();
        api.setInfo(info);
        info.setTitle("kefu");
        String parts = services.stream().map(ServiceDocument::service).collect(Collectors.joining(", "));
        StringBuilder description = new StringBuilder("The whole public API of kefu, every call through the gateway: "
                + "sign in with POST /api/auth/token, then send its access_token as a bearer token (the scheme "
                + "`bearer`). Every error is a problem detail (RFC 9457, application/problem+json) with a stable type. "
                + "One document, merged at the gateway from its own and each service's: " + parts + ".");
        if (!unavailable.isEmpty()) {
            description.append("\n\nNot in this document at the moment, their operations missing until they answer "
                    + "again: ");
            description.append(unavailable.entrySet().stream().map(missing -> missing.getKey() + " ("
                    + missing.getValue() + ")").collect(Collectors.joining("; "))).append('.');
            api.addExtension(UNAVAILABLE, unavailable);
        }
        info.setDescription(description.toString());
    }

    /** One service's document, merged into the whole. */
    private static final class Part {

        private final OpenAPI api;
        private final ObjectMapper json;
        private final ServiceDocument service;
        private final OpenAPI document;
        private final Components own;
        /** A reference of this part → the reference it takes in the whole document. */
        private final Map<String, String> renames = new HashMap<>();

        Part(OpenAPI api, ServiceDocument service, ObjectMapper json) {
            this.api = api;
            this.json = json;
            this.service = service;
            this.document = service.document();
            this.own = document.getComponents() == null ? new Components() : document.getComponents();
        }

        void merge() {
            Paths routed = routedPaths();
            Set<String> used = used(routed);
            rename(used);
            References.walk(routed, this::renamed);
            for (String ref : used) {
                Object component = component(own, ref);
                References.walk(component, this::renamed);
                add(renamed(ref), component);
            }
            uniqueOperationIds(routed);
            routed.forEach((path, item) -> {
                if (api.getPaths().containsKey(path)) {
                    log.warn("{} of {} is in the API's document already (two routes for one path?); the first kept",
                            path, service.service());
                } else {
                    api.getPaths().addPathItem(path, item);
                }
            });
            tags(routed);
        }

        /**
         * The paths the gateway routes to the service; an operation without security keeps the document's. A path
         * whose segment is a variable that the route fixes to the service's own name ({@code /api/audit/{service}/verify}
         * of platform's audit calls, routed as {@code /api/audit/complaint/**}) is taken as the route has it
         * ({@code /api/audit/complaint/verify}), without that parameter: its first such variable.
         */
        private Paths routedPaths() {
            PathPatternParser parser = new PathPatternParser();
            List<PathPattern> patterns = service.routedPaths().stream().map(parser::parse).toList();
            Paths routed = new Paths();
            if (document.getPaths() == null) {
                return routed;
            }
            document.getPaths().forEach((path, item) -> {
                if (routed(patterns, path)) {
                    routed.addPathItem(path, item);
                    return;
                }
                String[] segments = path.split("/", -1);
                for (int i = 0; i < segments.length; i++) {
                    if (segments[i].matches("\\{[^/{}]+}")) {
                        String[] fixed = segments.clone();
                        fixed[i] = service.name();
                        String specific = String.join("/", fixed);
                        if (routed(patterns, specific)) {
                            withoutPathParameter(item, segments[i].substring(1, segments[i].length() - 1));
                            routed.addPathItem(specific, item);
                            return;
                        }
                    }
                }
            });
            if (document.getSecurity() != null) {
                routed.values().forEach(item -> item.readOperations().stream()
                        .filter(operation -> operation.getSecurity() == null)
                        .forEach(operation -> operation.setSecurity(copies(document.getSecurity()))));
            }
            return routed;
        }

        private static boolean routed(List<PathPattern> patterns, String path) {
            PathContainer container = PathContainer.parsePath(path);
            return patterns.stream().anyMatch(pattern -> pattern.matches(container));
        }

        private static void withoutPathParameter(PathItem item, String name) {
            Predicate<Parameter> fixed = parameter -> "path".equals(parameter.getIn())
                    && name.equals(parameter.getName());
            if (item.getParameters() != null) {
                item.getParameters().removeIf(fixed);
            }
            item.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().removeIf(fixed);
                    if (operation.getParameters().isEmpty()) {
                        operation.setParameters(null);
                    }
                }
            });
        }

        private static List<SecurityRequirement> copies(List<SecurityRequirement> requirements) {
            return References.security(requirements, ref -> ref);
        }

        /** The components the routed paths use, directly or through other components, as references. */
        private Set<String> used(Paths routed) {
            Set<String> used = new LinkedHashSet<>();
            Deque<String> next = new ArrayDeque<>();
            UnaryOperator<String> found = ref -> {
                if (ref.startsWith(COMPONENTS) && component(own, ref) != null && used.add(ref)) {
                    next.add(ref);
                }
                return ref;
            };
            References.walk(routed, found);
            while (!next.isEmpty()) {
                References.walk(component(own, next.poll()), found);
            }
            return used;
        }

        /**
         * Finds the name each used component takes: its own, unless the whole document has a different component of
         * that name (compared with this part's references renamed as decided so far), then the service's prefix
         * before it. Renaming one component changes those that refer to it, so it goes round until nothing changes.
         */
        private void rename(Set<String> used) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean changed = false;
                for (String ref : used) {
                    Object mine = renamedCopy(ref);
                    Object theirs = component(api.getComponents(), renamed(ref));
                    if (theirs != null && !same(theirs, mine)) {
                        renames.put(ref, freeName(ref, mine));
                        changed = true;
                    }
                }
                if (!changed) {
                    return;
                }
            }
            throw new IllegalStateException("the components of " + service.service() + " could not be given names "
                    + "apart from the others' in " + MAX_ROUNDS + " rounds");
        }

        /** {@code #/components/schemas/Page} → {@code #/components/schemas/DutylogPage} (or …Page2, …), free here. */
        private String freeName(String ref, Object mine) {
            int slash = ref.lastIndexOf('/');
            String kind = ref.substring(0, slash + 1);
            String name = ref.substring(slash + 1);
            Set<String> taken = new HashSet<>(renames.values());
            taken.remove(renames.get(ref));
            for (int n = 1; ; n++) {
                String candidate = kind + service.prefix() + name + (n == 1 ? "" : Integer.toString(n));
                boolean ownName = component(own, candidate) != null;
                Object theirs = component(api.getComponents(), candidate);
                if (!ownName && !taken.contains(candidate) && (theirs == null || same(theirs, mine))) {
                    return candidate;
                }
            }
        }

        private String renamed(String ref) {
            return renames.getOrDefault(ref, ref);
        }

        /** A copy of this part's component with its references renamed as decided so far. */
        private Object renamedCopy(String ref) {
            Object component = component(own, ref);
            Object copy = json.convertValue(component, kind(ref).type());
            References.walk(copy, this::renamed);
            return copy;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void add(String ref, Object component) {
            Kind kind = kind(ref);
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Map components = kind.in(api.getComponents());
            Object theirs = components.get(name);
            if (theirs == null) {
                components.put(name, component);
            } else if (!same(theirs, component)) {
                throw new IllegalStateException(ref + " of " + service.service() + " differs from the one merged");
            }
        }

        private void uniqueOperationIds(Paths routed) {
            Set<String> ids = new HashSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getOperationId() != null) {
                    ids.add(operation.getOperationId());
                }
            }));
            for (PathItem item : routed.values()) {
                for (Operation operation : item.readOperations()) {
                    String id = operation.getOperationId();
                    if (id == null) {
                        continue;
                    }
                    String unique = id;
                    String prefixed = Character.toLowerCase(service.prefix().charAt(0)) + service.prefix().substring(1)
                            + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                    for (int n = 1; ids.contains(unique); n++) {
                        unique = prefixed + (n == 1 ? "" : Integer.toString(n));
                    }
                    operation.setOperationId(unique);
                    ids.add(unique);
                }
            }
        }

        /** The same part of a document: the same JSON, whichever of swagger-core's classes holds it. */
        private boolean same(Object one, Object other) {
            return json.valueToTree(one).equals(json.valueToTree(other));
        }

        /** The tags the routed operations name, each once in the whole document (the first description kept). */
        private void tags(Paths routed) {
            if (document.getTags() == null) {
                return;
            }
            Set<String> named = new HashSet<>();
            routed.values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    named.addAll(operation.getTags());
                }
            }));
            Set<String> present = api.getTags() == null ? new HashSet<>()
                    : api.getTags().stream().map(Tag::getName).collect(Collectors.toCollection(HashSet::new));
            for (Tag tag : document.getTags()) {
                if (named.contains(tag.getName()) && present.add(tag.getName())) {
                    api.addTagsItem(tag);
                }
            }
        }
    }

    /** swagger-core's mapper for the document's version: OpenAPI 3.1 (springdoc's default) or 3.0. */
    static ObjectMapper mapper(OpenAPI api) {
        return api.getOpenapi() != null && api.getOpenapi().startsWith("3.1") ? Json31.mapper() : Json.mapper();
    }

    /** The component a local reference ({@code #/components/<kind>/<name>}) names in {@code components}, or null. */
    private static Object component(Components components, String ref) {
        Kind<?> kind = kind(ref);
        if (kind == null || components == null) {
            return null;
        }
        Map<String, ?> all = kind.get().apply(components);
        return all == null ? null : all.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Kind<?> kind(String ref) {
        if (!ref.startsWith(COMPONENTS)) {
            return null;
        }
        String rest = ref.substring(COMPONENTS.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String name = rest.substring(0, slash);
        return KINDS.stream().filter(kind -> kind.name().equals(name)).findFirst().orElse(null);
    }

    /** A kind of component: its name in {@code components} and references, its class, where it is kept. */
    private record Kind<T>(String name, Class<T> type, Function<Components, Map<String, T>> get,
                           BiConsumer<Components, Map<String, T>> set) {

        /** The components of this kind, a map added to {@code components} when it has none yet. */
        Map<String, T> in(Components components) {
            Map<String, T> all = get.apply(components);
            if (all == null) {
                all = new LinkedHashMap<>();
                set.accept(components, all);
            }
            return all;
        }
    }
}
