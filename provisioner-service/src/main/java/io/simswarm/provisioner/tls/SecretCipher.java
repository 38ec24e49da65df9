package io.simswarm.provisioner.tls;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts secrets for the database with AES-256-GCM: base64 of a 12-byte IV followed by the ciphertext. */
@ApplicationScoped
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProvisionerConfig config;

    public SecretCipher(ProvisionerConfig config) {
        this.config = config;
    }

    /** Fails with a clear answer when no usable key is configured. */
    public void requireKey() {
        key();
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String encoded) {
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted (was SIMSWARM_SECRET_KEY changed?)", e);
        }
    }

    private SecretKey key() {
        String configured = config.secretKey().orElseThrow(() -> ApiException.unavailable(
                "No encryption key for cluster secrets: set SIMSWARM_SECRET_KEY (simswarm.provisioner.secret-key) "
                        + "to the base64 of 32 random bytes, e.g. the output of 'openssl rand -base64 32'."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw ApiException.unavailable("SIMSWARM_SECRET_KEY (simswarm.provisioner.secret-key) must be the base64 "
                    + "of exactly 32 bytes, e.g. the output of 'openssl rand -base64 32'.");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
