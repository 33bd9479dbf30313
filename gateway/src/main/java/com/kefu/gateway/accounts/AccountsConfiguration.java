package com.kefu.gateway.accounts;

import com.kefu.gateway.auth.GatewayProperties;
import com.kefu.platform.contracts.accounts.AccountTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountsConfiguration.class);

    /** Every token the gateway takes is checked against its account too ({@link AccountTokens}). */
    @Bean
    static BeanPostProcessor accountTokens(ObjectProvider<AccountStates> states) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof AccountTokens)
                        ? new AccountTokens(decoder, states) : bean;
            }
        };
    }

    /**
     * The accounts of {@code kefu.gateway.users} that do not exist yet (the local profile's demo users; an
     * installation's first ADMIN): created at start, never changed once they exist, so that a restart undoes nothing
     * an ADMIN did.
     */
    @Bean
    ApplicationRunner seedAccounts(GatewayProperties gateway, Accounts accounts) {
        return arguments -> {
            int created = 0;
            for (GatewayProperties.User user : gateway.users()) {
                if (user.roles().size() != 1) {
                    throw new IllegalStateException("kefu.gateway.users: " + user.username()
                            + " must have exactly one role, has " + user.roles());
                }
                if (accounts.seed(user.username(), user.passwordHash(), user.roles().get(0), user.department())) {
                    created++;
                }
            }
            if (created > 0) {
                log.info("created {} accounts of kefu.gateway.users that did not exist", created);
            }
        };
    }

    /** Kept for ever, as the services' topics are: the audit trail reads it from its beginning. */
    @Bean
    NewTopic accountEventsTopic() {
        return TopicBuilder.name(AccountTopics.EVENTS).partitions(3).config("retention.ms", "-1")
                .config("retention.bytes", "-1").build();
    }
}
