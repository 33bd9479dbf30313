package com.kefu.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The settings every service starts with ({@code kefu-defaults.yml}, and {@code kefu-local.yml} under the
 * {@code local} profile, {@code kefu-production.yml} under {@code production}), placed below everything else: a
 * service's own configuration, the environment and the command line all override them. Under {@code production} a
 * service starts only with every setting an installation must give ({@link ProductionSettings}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            load("kefu-local.yml").forEach(source -> environment.getPropertySources().addLast(source));
        }
        boolean production = environment.acceptsProfiles(Profiles.of(ProductionSettings.PROFILE));
        if (production) {
            load("kefu-production.yml").forEach(source -> environment.getPropertySources().addLast(source));
        }
        load("kefu-defaults.yml").forEach(source -> environment.getPropertySources().addLast(source));
        if (production) {
            ProductionSettings.check(environment);
        }
    }

    private static List<PropertySource<?>> load(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
