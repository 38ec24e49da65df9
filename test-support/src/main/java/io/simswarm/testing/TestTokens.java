package io.simswarm.testing;

import io.simswarm.commons.security.AccessTokens;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * Real bearer tokens for tests, signed with the test key pair in src/test/resources/jwt (the service verifies with
 * its public half), so they pass through the same filter as the tokens of a deployment.
 */
public final class TestTokens {

    private static PrivateKey key;

    private TestTokens() {
    }

    /** A valid token for {@code name} with {@code role}. */
    public static String of(String name, String role) {
        return AccessTokens.sign(name, role, Duration.ofHours(1), key());
    }

    /** A token that expired an hour ago. */
    public static String expired(String name, String role) {
        return AccessTokens.sign(name, role, Duration.ofHours(-1), key());
    }

    /** A well-formed token signed with a key the service does not know. */
    public static String forged(String name, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair other = generator.generateKeyPair();
            return AccessTokens.sign(name, role, Duration.ofHours(1), other.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the test key pair as a file, for a service started as a process in a test. */
    public static synchronized Path publicKeyFile() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/jwt/test-public.pem")) {
            Path file = Files.createTempFile("simswarm-test-jwt", ".pem");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("jwt/test-private.pem");
            } catch (Exception e) {
                throw new IllegalStateException("the test key jwt/test-private.pem cannot be read", e);
            }
        }
        return key;
    }
}
