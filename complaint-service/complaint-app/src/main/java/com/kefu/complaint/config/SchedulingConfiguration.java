package com.kefu.complaint.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The deadline watch runs on a schedule, unless {@code kefu.complaints.scheduling=false} (tests drive it). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kefu.complaints.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
