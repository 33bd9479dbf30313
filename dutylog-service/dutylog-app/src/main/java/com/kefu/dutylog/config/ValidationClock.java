package com.kefu.dutylog.config;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * {@code @PastOrPresent} ("not in the future", D2) reads the service's clock, give or take the allowed skew of a
 * client's clock, so that tests that move the clock see the same present as the service.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

    @Bean
    ValidationConfigurationCustomizer serviceClockForValidation(Clock clock, DutylogProperties properties) {
        return configuration -> configuration.clockProvider(() -> Clock.offset(clock, properties.clockSkew()));
    }
}
