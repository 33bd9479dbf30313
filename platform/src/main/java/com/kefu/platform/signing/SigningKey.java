package com.kefu.platform.signing;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key a service signs what it hands out with (A5: the auditors' exports, the duty day's digest): an RSA private key
 * of at least 2048 bits, PKCS#8 PEM ({@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072}), named by
 * {@code kefu.signing.key}. Signatures are RSA PKCS#1 v1.5 over SHA-256 of the bytes, detached, as
 * {@code openssl dgst -sha256 -sign} writes them and {@code openssl dgst -sha256 -verify public-key.pem -signature
 * file.sig file} checks them.
 * <p>
 * RSA rather than Ed25519: an Ed25519 signature hashes the whole message twice, so the JDK's Ed25519 (and
 * BouncyCastle's) keeps the whole message in memory while signing; SHA-256 with RSA signs a stream as it passes, and an
 * export of any length is signed in constant memory.
 */
public final class SigningKey {

    public static final String ALGORITHM = "SHA256withRSA";
    private static final int MINIMUM_BITS = 2048;
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final PrivateKey key;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** The key of the PEM file; refuses anything but one RSA private key of at least 2048 bits. */
    public static SigningKey read(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), pem.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("kefu.signing.key: cannot read " + pem.getDescription(), e);
        }
    }

    static SigningKey parse(String text, String from) {
        Matcher block = PRIVATE_KEY.matcher(text);
        if (!block.find()) {
            throw new IllegalStateException("kefu.signing.key: " + from + " holds no -----BEGIN PRIVATE KEY----- block "
                    + "(PKCS#8: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072; an old "
                    + "'BEGIN RSA PRIVATE KEY' converts with openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException("kefu.signing.key: " + from + " is not a whole RSA private key");
            }
            if (key.getModulus().bitLength() < MINIMUM_BITS) {
                throw new IllegalStateException("kefu.signing.key: " + from + " is an RSA key of "
                        + key.getModulus().bitLength() + " bits; at least " + MINIMUM_BITS + " are needed");
            }
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new SigningKey(key, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kefu.signing.key: " + from + " is not an RSA private key", e);
        }
    }

    /** A signature begun: give it the bytes as they go out, then take {@link Signer#sign()}. */
    public Signer signer() {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            return new Signer(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    public byte[] sign(byte[] content) {
        Signer signer = signer();
        signer.update(content, 0, content.length);
        return signer.sign();
    }

    /** Whether {@code signature} is this key's over {@code content}. */
    public boolean verifies(byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public half, as {@code openssl pkey -pubout} writes it (SubjectPublicKeyInfo PEM). */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A signature in the making. */
    public static final class Signer {

        private final Signature signature;

        private Signer(Signature signature) {
            this.signature = signature;
        }

        public void update(byte[] bytes, int offset, int length) {
            try {
                signature.update(bytes, offset, length);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign", e);
            }
        }

        public byte[] sign() {
            try {
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign", e);
            }
        }
    }
}
