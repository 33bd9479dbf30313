package com.kefu.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
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
}
