package com.kefu.gateway.auth;

import com.kefu.platform.security.PublicKeys;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json} (public, P6): every key a token may be signed with now, public halves only, each
 * named by the {@code kid} the tokens carry; during a rotation the old key and the new one. For an integrator or a
 * proxy that checks the gateway's tokens itself; the services read the same keys from their own
 * {@code kefu.security.public-key}.
 */
@RestController
class JwksController {

    private final Map<String, Object> document;

    JwksController(PublicKeys keys) {
        this.document = keys.keys().toPublicJWKSet().toJSONObject(true);
    }

    @Operation(summary = "The public keys tokens are signed with (JWKS), each named by its kid")
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(document);
    }
}
