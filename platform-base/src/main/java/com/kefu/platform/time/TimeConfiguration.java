package com.kefu.platform.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Time for every process, configured once: the system clock in UTC, unless a test (or anything else) supplies a
 * {@link Clock} of its own, and the {@link MallTime} over it.
 */
@AutoConfiguration
@EnableConfigurationProperties(MallProperties.class)
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MallTime mallTime(Clock clock, MallProperties properties) {
        return new MallTime(clock, properties.zone());
    }
}
