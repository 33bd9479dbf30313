package com.kefu.gateway.proxy;

import com.kefu.platform.web.TraceIdHeader;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway names the trace of each answer itself ({@link TraceIdHeader}); the service behind it names the same trace
 * (it is propagated), so its header is dropped rather than sent twice.
 */
@Component
class OneTraceIdHeader implements HttpHeadersFilter.ResponseHttpHeadersFilter {

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerResponse response) {
        if (!headers.containsKey(TraceIdHeader.HEADER)) {
            return headers;
        }
        HttpHeaders kept = new HttpHeaders();
        kept.putAll(headers);
        kept.remove(TraceIdHeader.HEADER);
        return kept;
    }
}
