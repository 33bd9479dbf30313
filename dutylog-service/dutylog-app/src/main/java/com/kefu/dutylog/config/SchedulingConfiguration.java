package com.kefu.dutylog.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The disposal watch of lost items runs on a schedule, unless {@code kefu.dutylog.scheduling=false} (tests drive
 * it).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kefu.dutylog.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
