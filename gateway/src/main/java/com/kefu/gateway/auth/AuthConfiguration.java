package com.kefu.gateway.auth;

import com.kefu.platform.security.SecurityProperties;
import com.kefu.platform.security.TokenIssuer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    TokenIssuer tokenIssuer(GatewayProperties gateway, SecurityProperties security) {
        if (gateway.signingKey() == null || !gateway.signingKey().exists()) {
            throw new IllegalStateException("kefu.gateway.signing-key must name the token signing key (PKCS#8 PEM); "
                    + "set KEFU_GATEWAY_SIGNING_KEY=file:/path/to/key.pem, or run with the 'local' profile");
        }
        return TokenIssuer.fromPem(security.publicKey(), gateway.signingKey(), gateway.tokenLifetime());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
