package com.kefu.gateway.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Optional;

/**
 * The platform's token check, then the account's, on every request through the gateway (the live streams' too): a
 * token of a disabled account, or of an earlier token generation (the password changed, the role set since it was
 * issued), is refused with 401 like an expired one ({@link AccountStates}). A token for a name without an account
 * passes on its signature alone, as at every service: only the gateway holds the key that signs them.
 */
final class AccountTokens implements JwtDecoder {

    private final JwtDecoder platform;
    private final ObjectProvider<AccountStates> states;

    AccountTokens(JwtDecoder platform, ObjectProvider<AccountStates> states) {
        this.platform = platform;
        this.states = states;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = platform.decode(token);
        Optional<AccountStates.State> state = states.getObject().of(jwt.getSubject());
        if (state.isEmpty()) {
            return jwt;
        }
        if (!state.get().enabled()) {
            throw new BadJwtException("the account is disabled");
        }
        Object generation = jwt.getClaims().get(SessionTokens.GENERATION_CLAIM);
        if (generation instanceof Number number && number.intValue() != state.get().generation()) {
            throw new BadJwtException("the token has ended: the account's password or role changed since");
        }
        return jwt;
    }
}
