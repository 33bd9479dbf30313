package com.kefu.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Problem details for every error, and the web's JSON mapper beside Axon's. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class WebConfiguration {

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /**
     * The mapper of the HTTP API: strict (unknown fields are refused), configured by {@code spring.jackson.*}.
     * Declared here because Axon's own mapper is a bean too, which would otherwise replace Boot's.
     */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }
}
