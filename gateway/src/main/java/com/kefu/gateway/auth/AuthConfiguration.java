package com.kefu.gateway.auth;

import com.kefu.platform.security.PublicKeys;
import com.kefu.platform.security.SecurityProperties;
import com.kefu.platform.security.TokenIssuer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    /**
     * Signs with {@code kefu.gateway.signing-key}, whose public half must be among {@code kefu.security.public-key}'s
     * (P6): otherwise every service would refuse every token it signs, and it refuses to start instead.
     */
    @Bean
    TokenIssuer tokenIssuer(GatewayProperties gateway, SecurityProperties security, PublicKeys keys, Clock clock) {
        if (gateway.signingKey() == null || !gateway.signingKey().exists()) {
            throw new IllegalStateException("kefu.gateway.signing-key must name the token signing key (PKCS#8 PEM); "
                    + "set KEFU_GATEWAY_SIGNING_KEY=file:/path/to/key.pem, or run with the 'local' profile");
        }
        TokenIssuer issuer = TokenIssuer.fromPem(gateway.signingKey(), security.issuer(), security.audience(),
                gateway.tokenLifetime(), clock);
        if (!keys.contains(issuer.keyId())) {
            throw new IllegalStateException("the public half of kefu.gateway.signing-key (kid " + issuer.keyId()
                    + ") is not among the keys of kefu.security.public-key " + keys.keyIds() + ": the services would "
                    + "refuse every token signed with it. Add it there first (README \"Rotating the token keys\")");
        }
        return issuer;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
