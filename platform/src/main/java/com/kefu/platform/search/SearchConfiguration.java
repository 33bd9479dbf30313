package com.kefu.platform.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search index of a service that searches its records ({@code GET /api/search}), keyed by
 * {@code kefu.search.secret}: the local profile's development secret (the application-local.yml of each service
 * that searches), under production the installation's own (KEFU_SEARCH_SECRET, required by the services that
 * search, ProductionSettings).
 */
@AutoConfiguration
@ConditionalOnProperty("kefu.search.secret")
public class SearchConfiguration {

    @Bean
    SearchIndex searchIndex(JdbcTemplate jdbc, @Value("${kefu.search.secret}") String secret) {
        return new SearchIndex(jdbc, secret);
    }
}
