package com.kefu.gateway;

import com.kefu.platform.test.Infrastructure;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Every test context of the gateway gets a new database of its own on the test JVM's real PostgreSQL (the platform's
 * {@link Infrastructure}, as every service's tests): the gateway keeps its accounts there. Registered for all the
 * gateway's tests in META-INF/spring.factories, so that no test class has to ask for it.
 */
public class GatewayDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** All alike (the context cache keys on it): each context it customizes gets a new database. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Infrastructure infrastructure = Infrastructure.get();
            String url = infrastructure.newDatabase("gateway");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-test-database",
                    Map.of("spring.datasource.url", url, "spring.datasource.username", infrastructure.user(),
                            "spring.datasource.password", infrastructure.password())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
