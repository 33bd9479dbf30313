package com.kefu.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Problem details for every error. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class WebConfiguration {

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
