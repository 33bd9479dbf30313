package com.kefu.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Every service verifies the gateway's tokens itself and enforces roles itself ({@code @PreAuthorize} on
 * each endpoint). No sessions; 401 and 403 are problem details like every other error.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** The first character after printable ASCII, itself a control character. */
    private static final char DELETE = 0x7f;

    /** The keys a token may be signed with (P6): every key of {@code kefu.security.public-key}. */
    @Bean
    @ConditionalOnMissingBean
    PublicKeys publicKeys(SecurityProperties properties) {
        if (properties.publicKey() == null || !properties.publicKey().exists()) {
            throw new IllegalStateException("kefu.security.public-key must name the gateway's public keys (PEM); "
                    + "set KEFU_SECURITY_PUBLIC_KEY=file:/path/to/keys.pem, or run with the 'local' profile");
        }
        return PublicKeys.read(properties.publicKey());
    }

    /**
     * A token passes when it is signed (RS256) by the key its {@code kid} names among {@link PublicKeys} (P6: a token
     * without a kid names none), was issued by {@code kefu.security.issuer} for {@code kefu.security.audience} (P5)
     * and is within its lifetime.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PublicKeys keys, SecurityProperties properties) {
        return decoder(keys, properties);
    }

    static JwtDecoder decoder(PublicKeys keys, SecurityProperties properties) {
        if (properties.issuer() == null || properties.issuer().isBlank()
                || properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("kefu.security.issuer and kefu.security.audience must be set "
                    + "(KEFU_SECURITY_ISSUER, KEFU_SECURITY_AUDIENCE): every token is checked against them");
        }
        var byKeyId = new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(keys.keys()));
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector((header, context) -> header.getKeyID() == null ? List.of()
                : byKeyId.selectJWSKeys(header, context));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the validators below check the claims
        NimbusJwtDecoder verifier = new NimbusJwtDecoder(processor);
        verifier.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()))));
        return new VerifiedTokens(verifier, 10_000, Duration.ofMinutes(5));
    }

    /**
     * No observation (metrics and traces) of each security filter, authentication and authorization: wrapping every
     * filter of the chain in an observation cost more CPU per request than the command it guarded (JFR under
     * deploy/bench load). Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's firewall as it is, but checking header names and values character by character: its default
     * Unicode regex over every header (the bearer token is ~600 characters) was the largest single CPU cost of
     * a request (measured with JFR under deploy/bench load). Same rule: no control and no unassigned characters.
     */
    @Bean
    WebSecurityCustomizer headerCheckingFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::printable);
        firewall.setAllowedHeaderValues(SecurityConfiguration::printable);
        return web -> web.httpFirewall(firewall);
    }

    /** What the firewall refuses (encoded slashes, {@code ..}, control characters) is a 400 problem detail. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> write(response, json, HttpStatus.BAD_REQUEST, "invalid-request",
                "the request's path or headers are not accepted");
    }

    /**
     * No control and no unassigned character. Printable ASCII, all a bearer token is made of, passes without the
     * Unicode tables: the firewall checks a header each time it is read (the token four times a request), and looking
     * up each of the token's characters was 3 % of complaint-service's CPU samples under intake (JFR).
     */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < DELETE) {
                continue;
            }
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bearer token of the {@code Authorization} header, read without a regex ({@link BearerTokens}); the
     * resource server takes this bean, or the application's own (the gateway's live streams also take the token from
     * the query, since a browser's EventSource cannot send a header).
     */
    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokens() {
        return new BearerTokens();
    }

    /** A role the rule leaves out gets 403 before its request is read, not 400 for what it sent. */
    @Bean
    WebMvcConfigurer authorizeBeforeBinding(ApplicationContext context) {
        var check = new AuthorizeBeforeBinding(context);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(check);
            }
        };
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(CurrentUser.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper json,
                                    JwtAuthenticationConverter converter) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers(publicPaths(properties)).permitAll()
                    .anyRequest().authenticated())
            .oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint((request, response, e) -> write(response, json,
                            HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required"))
                    .accessDeniedHandler((request, response, e) -> write(response, json,
                            HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this")))
            .exceptionHandling(errors -> errors
                    .authenticationEntryPoint((request, response, e) -> write(response, json,
                            HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required"))
                    .accessDeniedHandler((request, response, e) -> write(response, json,
                            HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this")));
        return http.build();
    }

    /**
     * The public paths as {@link PathPatternRequestMatcher}s: {@code requestMatchers(String...)} would make an
     * {@code MvcRequestMatcher} of each, which asks Spring MVC's {@code HandlerMappingIntrospector} for the request's
     * handler (one lookup per request, beside the dispatcher's own), against every pattern of the list.
     */
    private static RequestMatcher[] publicPaths(SecurityProperties properties) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return properties.publicPaths().stream().map(paths::matcher).toArray(RequestMatcher[]::new);
    }

    /**
     * Leaves out the filter Spring Security 6.5 puts before its chain whenever Spring MVC is present: Spring MVC's
     * {@code HandlerMappingIntrospector} cache filter, which looks up every request's handler before the chain so
     * that {@code MvcRequestMatcher}s and a CORS source of the introspector find it cached. Nothing here asks for it
     * (the public paths are {@link PathPatternRequestMatcher}s, there is no CORS), and the lookup was 5.6 % of the
     * gateway's CPU under load (async-profiler, proxied intake). Spring Security 7 no longer adds it.
     */
    @Bean
    static BeanFactoryPostProcessor withoutHandlerMappingIntrospectorCache() {
        return factory -> {
            if (factory instanceof BeanDefinitionRegistry registry
                    && registry.containsBeanDefinition(FILTER_CHAIN)) {
                dropIntrospectorCache(registry.getBeanDefinition(FILTER_CHAIN));
            }
        };
    }

    private static final String FILTER_CHAIN = "springSecurityFilterChain";

    /** The chain's definition is a composite of filters, possibly nested: drops the cache filter's factory. */
    private static void dropIntrospectorCache(BeanDefinition chain) {
        for (ValueHolder argument : chain.getConstructorArgumentValues().getIndexedArgumentValues().values()) {
            if (argument.getValue() instanceof List<?> filters) {
                filters.removeIf(filter -> filter instanceof BeanDefinition definition
                        && definition.getBeanClassName() != null
                        && definition.getBeanClassName().endsWith("HandlerMappingIntrospectorCacheFilterFactoryBean"));
                filters.forEach(filter -> {
                    if (filter instanceof BeanDefinition nested) {
                        dropIntrospectorCache(nested);
                    }
                });
            }
        }
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                              String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
