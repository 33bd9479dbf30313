package com.kefu.gateway.apidocs;

import com.kefu.platform.web.ApiDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ClientHttpRequestFactory;

import java.time.Duration;

/**
 * The gateway's {@code /v3/api-docs} is the whole public API (API1): its own document, which springdoc builds and
 * platform-base's {@link ApiDocumentation} documents, with every service's merged into it ({@link ApiDocsMerge}).
 * An auto-configuration after {@link ApiDocumentation} so that the merge is the last of springdoc's customizers (they
 * run in the order their beans are defined): the services' operations arrive documented by their own services and are
 * taken as they are. springdoc builds the document at each request ({@code springdoc.cache.disabled}), so that it is
 * the one of the services running now, and a service that was down is in it once it answers again.
 */
@AutoConfiguration(after = ApiDocumentation.class)
public class ApiDocsConfiguration {

    /**
     * @param proxy   the client the routes forward with (the proxy's {@code ServiceInstances})
     * @param timeout how long the services' documents are waited for, all together
     */
    @Bean
    ServiceDocuments serviceDocuments(GatewayMvcProperties gateway, ClientHttpRequestFactory proxy,
                                      @Value("${kefu.gateway.api-docs.timeout:30s}") Duration timeout) {
        return new ServiceDocuments(gateway, proxy, timeout);
    }

    @Bean
    OpenApiCustomizer wholeApi(ServiceDocuments services) {
        return api -> ApiDocsMerge.merge(api, services.read());
    }
}
