package com.kefu.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * R1: the answer to a write names the version its record has now, as an {@code ETag} ({@code "<sequence>"}, the
 * sequence number of the record's last event), so a client can tell that what it reads later is at least that new.
 * The event store hands every event it is given to this interceptor; during a request, the last sequence number of
 * each record written is kept with the request, and a 2xx answer to anything but a read carries the version of the
 * record the path names, else of the one its {@code Location} names (a creation), else of the one record written.
 * Events of other threads (processors, consumers) are not requests and are passed over.
 */
@ControllerAdvice
public class WrittenVersions implements MessageDispatchInterceptor<EventMessage<?>>, ResponseBodyAdvice<Object> {

    private static final String WRITTEN = WrittenVersions.class.getName() + ".written";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null && event instanceof DomainEventMessage<?> domainEvent) {
                written(request).put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            }
            return event;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> written(RequestAttributes request) {
        Object written = request.getAttribute(WRITTEN, RequestAttributes.SCOPE_REQUEST);
        if (written == null) {
            written = new LinkedHashMap<String, Long>();
            request.setAttribute(WRITTEN, written, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Long>) written;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null || HttpMethod.GET.equals(request.getMethod()) || !successful(response)) {
            return body;
        }
        Map<String, Long> written = written(attributes);
        // the record the path names, or the one a creation answers with (its Location)
        URI location = response.getHeaders().getLocation();
        String paths = request.getURI().getPath() + " " + (location == null ? "" : location.getPath());
        written.entrySet().stream()
                .filter(record -> paths.contains("/" + record.getKey()))
                .findFirst()
                .or(() -> written.size() == 1 ? written.entrySet().stream().findFirst() : Optional.empty())
                .ifPresent(record -> response.getHeaders().setETag("\"" + record.getValue() + "\""));
        return body;
    }

    private static boolean successful(ServerHttpResponse response) {
        return !(response instanceof ServletServerHttpResponse servlet)
                || servlet.getServletResponse().getStatus() / 100 == 2;
    }
}
