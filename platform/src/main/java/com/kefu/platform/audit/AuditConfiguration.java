package com.kefu.platform.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditors' check of the event store (A1), in every service. The service's audit name is its application name
 * without {@code -service} ({@code complaint}, {@code dutylog}, {@code broadcast}, {@code membership}).
 */
@AutoConfiguration
public class AuditConfiguration {

    @Bean
    EventChain eventChain(JdbcTemplate jdbc, @Value("${spring.application.name}") String application) {
        return new EventChain(jdbc, application.replaceFirst("-service$", ""));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AuditController auditController(EventChain eventChain, @Value("${spring.application.name}") String application) {
        return new AuditController(eventChain, application.replaceFirst("-service$", ""));
    }
}
