package com.kefu.gateway.proxy;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The client the routes forward with: Apache HttpClient 5's classic, blocking client, which sends and reads on the
 * request's own thread over pooled connections. The JDK's HttpClient that Spring Cloud Gateway takes otherwise hands
 * every exchange to its own worker and selector threads: under intake load they cost the gateway as much CPU as the
 * whole servlet side (README, Benchmarks).
 * <p>
 * As a proxy it keeps nothing of one caller for the next and changes nothing on the way: no cookie store, no
 * {@code Accept-Encoding} of its own nor decompression, and no retry of its own (Apache's default strategy sends a
 * request again after a 429 or 503, a POST too: the caller decides). Its pool is sized for the request threads (Apache's default of
 * five connections per service would queue the sixth caller), and idle connections are dropped before Tomcat closes
 * them at its keep-alive timeout (20 s), so a forwarded POST never meets a connection the service has closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyClient.Instances.class)
class ProxyClient {

    /**
     * @param instances the instances of each service a route names by name ({@code http://complaint-service}), e.g.
     *                  {@code kefu.gateway.proxy.instances.complaint-service=http://127.0.0.1:8081,http://127.0.0.1:8085}
     * @param downFor   how long an instance that refused a connection is passed over
     * @param healthInterval how often every instance is asked whether it is ready ({@link InstanceHealth})
     * @param healthTimeout  how long an instance may take to answer that before it counts as not ready
     */
    @ConfigurationProperties("kefu.gateway.proxy")
    record Instances(Map<String, List<URI>> instances, Duration downFor, Duration healthInterval,
                     Duration healthTimeout) {
        Instances {
            instances = instances == null ? Map.of() : instances;
            downFor = downFor == null ? Duration.ofSeconds(5) : downFor;
            healthInterval = healthInterval == null ? Duration.ofSeconds(2) : healthInterval;
            healthTimeout = healthTimeout == null ? Duration.ofSeconds(1) : healthTimeout;
        }
    }

    /** What the routes forward with (the gateway's RestClient takes it): the client below, over a service's instances. */
    @Bean
    ServiceInstances proxyRequests(HttpComponentsClientHttpRequestFactoryBuilder proxyClientBuilder,
                                   ClientHttpRequestFactorySettings settings, Instances instances, Clock clock) {
        return new ServiceInstances(proxyClientBuilder.build(settings), instances.instances(), clock,
                instances.downFor());
    }

    @Bean
    InstanceHealth instanceHealth(ServiceInstances proxyRequests, Instances instances) {
        return new InstanceHealth(proxyRequests, instances.healthInterval(), instances.healthTimeout());
    }

    @Bean
    HttpComponentsClientHttpRequestFactoryBuilder proxyClientBuilder(
            @Value("${kefu.gateway.proxy.connections-per-service:200}") int perService,
            @Value("${kefu.gateway.proxy.idle:10s}") Duration idle) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool
                        .setMaxConnPerRoute(perService)
                        .setMaxConnTotal(perService * 4))
                .withHttpClientCustomizer(client -> stateless(client)
                        .evictIdleConnections(TimeValue.of(idle)));
    }

    private static HttpClientBuilder stateless(HttpClientBuilder client) {
        return client.disableCookieManagement().disableContentCompression().disableAuthCaching()
                .disableAutomaticRetries();
    }
}
