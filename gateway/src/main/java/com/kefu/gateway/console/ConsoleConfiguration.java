package com.kefu.gateway.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff console: static pages under {@code static/console/} (Alpine.js and Chart.js from WebJars), opened at
 * {@code /console/}. Its pages carry no data; everything on them comes from the API with the user's token. They carry
 * a {@link ContentSecurityPolicy}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @Bean
    FilterRegistrationBean<ContentSecurityPolicy> contentSecurityPolicy() {
        FilterRegistrationBean<ContentSecurityPolicy> registration =
                new FilterRegistrationBean<>(new ContentSecurityPolicy());
        registration.addUrlPatterns("/", "/index.html", "/console", "/console/*");
        return registration;
    }
}
