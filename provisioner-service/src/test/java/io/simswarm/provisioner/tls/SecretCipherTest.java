package io.simswarm.provisioner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.config.ProvisionerConfig;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static SecretCipher cipher(String key) {
        ProvisionerConfig config = (ProvisionerConfig) Proxy.newProxyInstance(
                ProvisionerConfig.class.getClassLoader(), new Class<?>[] {ProvisionerConfig.class},
                (proxy, method, args) -> method.getName().equals("secretKey") ? Optional.ofNullable(key) : null);
        return new SecretCipher(config);
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void roundTripsAndNeverRepeatsCiphertext() {
        SecretCipher cipher = cipher(KEY);
        String first = cipher.encrypt("-----BEGIN PRIVATE KEY-----");
        String second = cipher.encrypt("-----BEGIN PRIVATE KEY-----");
        assertThat(first).isNotEqualTo(second).doesNotContain("PRIVATE");
        assertThat(cipher.decrypt(first)).isEqualTo("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void tamperingIsDetected() {
        SecretCipher cipher = cipher(KEY);
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("secret"));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed)))
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void missingOrShortKeyIsExplained() {
        assertThatThrownBy(() -> cipher(null).encrypt("x")).isInstanceOf(ApiException.class)
                .hasMessageContaining("SIMSWARM_SECRET_KEY");
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16])).requireKey())
                .hasMessageContaining("exactly 32 bytes");
    }
}
