package com.kefu.platform.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every HTTP endpoint of the service under test, as Spring MVC maps it, with what it takes to call it: path
 * variables and required parameters filled with harmless dummy values of the right type, the content type it
 * consumes and the media type it produces. The role rule is the {@code @PreAuthorize} on the method, else on its
 * class.
 */
public final class Endpoints {

    /** The prefixes of the service's own API (and the ADMIN's projection controls every service has). */
    public static final List<String> API = List.of("/api/", "/admin/");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private Endpoints() {
    }

    /**
     * One mapping of one HTTP method: {@code produces}/{@code consumes}/{@code params} tell mappings of the same path
     * apart (a JSON and a CSV report, say).
     */
    public record Endpoint(String method, String pattern, HandlerMethod handler, List<MediaType> produces,
                           List<MediaType> consumes, Map<String, String> params, String rule) {

        /** {@code "POST /api/complaints/{id}/assign"}: the key of the expected-rules tables. */
        public String key() {
            return method + " " + pattern;
        }

        /** The key, and what tells it from other mappings of the same key. */
        public String label() {
            return key() + (produces.isEmpty() ? "" : " produces " + produces)
                    + (params.isEmpty() ? "" : " params " + params.keySet());
        }

        @Override
        public String toString() {
            return label() + " (" + handler.getShortLogMessage() + ")";
        }

        /** The path with every variable given a dummy value of its type. */
        public String path() {
            return path(Map.of());
        }

        /** The path with the variables named in {@code values} given those (raw, encoded), dummies elsewhere. */
        public String path(Map<String, String> values) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = values.containsKey(name) ? values.get(name) : encode(dummy(pathVariable(name)));
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        /** The path and the query string of the required parameters (and of the mapping's {@code params}). */
        public String uri() {
            return path() + query(Map.of());
        }

        /** The query string with the required parameters and those given (raw, already encoded). */
        public String query(Map<String, String> values) {
            Map<String, String> query = new LinkedHashMap<>();
            params.forEach((name, value) -> query.put(name, encode(value)));
            for (MethodParameter parameter : parameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        && !Map.class.isAssignableFrom(parameter.getParameterType())
                        && !parameter.isOptional()) {
                    query.putIfAbsent(name(parameter, param.name(), param.value()), encode(dummy(parameter)));
                }
            }
            query.putAll(values);
            if (query.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder("?");
            query.forEach((name, value) -> text.append(text.length() > 1 ? "&" : "").append(name).append('=')
                    .append(value));
            return text.toString();
        }

        /** The media type to ask for: the first the mapping produces, JSON when it says nothing. */
        public String accept() {
            return produces.stream().filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
                    .findFirst().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON_VALUE);
        }

        public boolean multipart() {
            return consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        }

        /** Whether the method reads a body (JSON, or a multipart upload). */
        public boolean readsBody() {
            return body().isPresent() || multipart();
        }

        /** The {@code @RequestBody} parameter, if the method has one. */
        public Optional<MethodParameter> body() {
            return parameters().stream().filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst();
        }

        /** The name of the multipart part the method reads. */
        public String partName() {
            for (MethodParameter parameter : parameters()) {
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (part != null) {
                    return name(parameter, part.name(), part.value());
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    return name(parameter, param.name(), param.value());
                }
            }
            return "file";
        }

        /** The request parameters the method reads, by name, with their declared parameter. */
        public Map<String, MethodParameter> requestParams() {
            Map<String, MethodParameter> found = new LinkedHashMap<>();
            for (MethodParameter parameter : parameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    found.put(name(parameter, param.name(), param.value()), parameter);
                }
            }
            return found;
        }

        /** The path variables the method reads, by name. */
        public Map<String, MethodParameter> pathVariables() {
            Map<String, MethodParameter> found = new LinkedHashMap<>();
            for (MethodParameter parameter : parameters()) {
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                if (variable != null) {
                    found.put(name(parameter, variable.name(), variable.value()), parameter);
                }
            }
            return found;
        }

        private MethodParameter pathVariable(String name) {
            return pathVariables().get(name);
        }

        private List<MethodParameter> parameters() {
            List<MethodParameter> parameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(NAMES);
                parameters.add(parameter);
            }
            return parameters;
        }
    }

    /** The service's endpoints under {@link #API}, sorted by path and method. */
    public static List<Endpoint> of(ApplicationContext context) {
        return of(context, API);
    }

    public static List<Endpoint> of(ApplicationContext context, List<String> prefixes) {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            Map<String, String> params = new LinkedHashMap<>();
            info.getParamsCondition().getExpressions().forEach(expression -> {
                if (!expression.isNegated()) {
                    params.put(expression.getName(), expression.getValue() == null ? "dummy" : expression.getValue());
                }
            });
            for (String pattern : info.getPatternValues()) {
                if (prefixes.stream().noneMatch(pattern::startsWith)) {
                    continue;
                }
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, pattern, handler,
                            List.copyOf(info.getProducesCondition().getProducibleMediaTypes()),
                            List.copyOf(info.getConsumesCondition().getConsumableMediaTypes()),
                            Map.copyOf(params), rule(handler).orElse(null)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method)
                .thenComparing(Endpoint::toString));
        return endpoints;
    }

    /** The role rule of a handler: {@code @PreAuthorize} on the method, else on its class. */
    public static Optional<String> rule(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
                PreAuthorize.class)).map(PreAuthorize::value);
    }

    /** A harmless value of the parameter's type: it names nothing that exists, but it converts. */
    public static String dummy(MethodParameter parameter) {
        Class<?> type = parameter == null ? String.class : parameter.getNestedParameterType();
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == LocalDate.class) {
            return "2020-02-02";
        }
        if (type == LocalTime.class) {
            return "09:30";
        }
        if (type == LocalDateTime.class) {
            return "2020-02-02T09:30:00";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "2020-02-02T01:30:00Z";
        }
        if (type == YearMonth.class) {
            return "2020-02";
        }
        if (type == UUID.class) {
            return "00000000-0000-4000-8000-000000000000";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        return "dummy-1";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String name(MethodParameter parameter, String name, String value) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }
}
