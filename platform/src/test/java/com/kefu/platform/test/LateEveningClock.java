package com.kefu.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock every {@link ServiceTest} runs its service with, in place of the system clock: late in the evening of a
 * day that is not the system's ({@link MutableClock#lateEvening()}). A test takes "now" and "today" from it
 * (autowire {@link MutableClock}), never from the system clock, and may move it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LateEveningClock {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.lateEvening();
    }
}
