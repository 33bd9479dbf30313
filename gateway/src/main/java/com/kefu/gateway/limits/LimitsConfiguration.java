package com.kefu.gateway.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's rate limit, right after security has said who is calling. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<RateLimit> rateLimit(@Value("${kefu.gateway.rate-limit.per-second:50}") double perSecond,
                                                @Value("${kefu.gateway.rate-limit.burst:100}") double burst,
                                                ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new RateLimit(perSecond, burst, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
