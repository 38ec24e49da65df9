package io.simswarm.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * The key pair of this run's bearer tokens (the provisioner gets the private key, every service the public one) and
 * an admin token signed with it, as {@code POST /tokens} would issue it.
 */
final class TestKeys {

    private static final KeyPair KEYS = generate();
    private static Path folder;
    private static String adminToken;

    private TestKeys() {
    }

    /** The private key as a PEM file. */
    static synchronized Path privateKeyFile() {
        return folder().resolve("jwt-private.pem");
    }

    /** The public key as a PEM file. */
    static synchronized Path publicKeyFile() {
        return folder().resolve("jwt-public.pem");
    }

    /** The value of an Authorization header with an admin token. */
    static synchronized String authorization() {
        return "Bearer " + adminToken();
    }

    static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = token("e2e", "admin");
        }
        return adminToken;
    }

    /** A token of {@code subject} with {@code role}, valid for a day. */
    static String token(String subject, String role) {
        long now = System.currentTimeMillis() / 1000;
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(("{\"iss\":\"simswarm\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("simswarm-e2e-keys");
                Files.writeString(folder.resolve("jwt-private.pem"), pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
                Files.writeString(folder.resolve("jwt-public.pem"), pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
