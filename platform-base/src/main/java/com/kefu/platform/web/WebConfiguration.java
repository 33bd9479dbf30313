package com.kefu.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Problem details for every error. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class WebConfiguration {

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** Ahead of security: an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${kefu.web.max-request-size:1MB}") DataSize limit,
            @Value("${kefu.web.max-upload-size:#{null}}") DataSize uploadLimit, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(limit, uploadLimit, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Just inside the request's observation ({@code ServerHttpObservationFilter}, at the highest precedence + 1), so
     * that its span is current.
     */
    @Bean
    FilterRegistrationBean<TraceIdHeader> traceIdHeader(ObjectProvider<Tracer> tracer) {
        var registration = new FilterRegistrationBean<>(new TraceIdHeader(tracer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Tomcat's own error answers, for requests it refuses before the application sees them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsFromTomcat(ObjectMapper json) {
            return factory -> factory.addContextCustomizers(context -> TomcatProblems.install(context.getParent(), json));
        }
    }
}
