package com.kefu.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys a token may be signed with (P6): every key of {@code kefu.security.public-key}, a PEM file with one
 * {@code PUBLIC KEY} block per key. Each key is named by its RFC 7638 thumbprint ({@code kid}), computed from the key
 * itself, so nobody has to name a key and a name cannot point at the wrong one. During a rotation the file holds the
 * old key and the new one; the gateway signs with one of them and publishes them all ({@code /.well-known/jwks.json}).
 */
public final class PublicKeys {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private final JWKSet keys;

    private PublicKeys(JWKSet keys) {
        this.keys = keys;
    }

    /** Every key of the PEM file; refuses a file without one, or with anything but RSA public keys in it. */
    public static PublicKeys read(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), pem.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public keys of " + pem.getDescription(), e);
        }
    }

    static PublicKeys parse(String text, String from) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
            try {
                var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                keys.add(of(key));
            } catch (GeneralSecurityException | ClassCastException e) {
                throw new IllegalStateException("kefu.security.public-key: key " + (keys.size() + 1) + " of " + from
                        + " is not an RSA public key (openssl pkey -in jwt-private.pem -pubout)", e);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("kefu.security.public-key: " + from
                    + " holds no -----BEGIN PUBLIC KEY----- block");
        }
        return new PublicKeys(new JWKSet(keys));
    }

    /** The key as the JWKS document and the token's header name it: kid its thumbprint, RS256, for signatures. */
    public static RSAKey of(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }

    /** The key set, public halves only. */
    public JWKSet keys() {
        return keys;
    }

    public boolean contains(String keyId) {
        return keys.getKeyByKeyId(keyId) != null;
    }

    public List<String> keyIds() {
        return keys.getKeys().stream().map(JWK::getKeyID).toList();
    }
}
