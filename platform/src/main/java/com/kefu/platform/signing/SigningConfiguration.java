package com.kefu.platform.signing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * The service's signing key (A5) where {@code kefu.signing.key} names one: audit-service signs its exports with it,
 * dutylog-service its duty days' digests. Their local profile names the development key under {@code local-keys/};
 * the production profile refuses to start without the installation's own (KEFU_SIGNING_KEY, ProductionSettings).
 */
@AutoConfiguration
@ConditionalOnProperty("kefu.signing.key")
public class SigningConfiguration {

    @Bean
    SigningKey signingKey(@Value("${kefu.signing.key}") Resource key) {
        return SigningKey.read(key);
    }
}
