package io.simswarm.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunTokenTest {

    private final RunToken tokens = new RunToken("0123456789abcdef-secret");

    @Test
    void signsWithHmacSha256OfCampaignAndRun() {
        // Reference value from: printf 'c1:7' | openssl dgst -sha256 -hmac '0123456789abcdef-secret'
        assertThat(tokens.sign("c1", 7))
                .isEqualTo("24ee18106325c7718b83e61c69e3e3306bdca9a45475bf15990d650838152859");
    }

    @Test
    void verifiesOnlyTheRunItWasMadeFor() {
        String token = tokens.sign("campaign-a", 3);

        assertThat(tokens.verify("campaign-a", 3, token)).isTrue();
        assertThat(tokens.verify("campaign-a", 4, token)).isFalse();
        assertThat(tokens.verify("campaign-b", 3, token)).isFalse();
        assertThat(tokens.verify("campaign-a", 3, null)).isFalse();
        assertThat(tokens.verify("campaign-a", 3, token.toUpperCase())).isFalse();
    }

    @Test
    void campaignTokenIsNotARunToken() {
        String lease = tokens.signCampaign("campaign-a");

        assertThat(tokens.verifyCampaign("campaign-a", lease)).isTrue();
        assertThat(tokens.verifyCampaign("campaign-b", lease)).isFalse();
        assertThat(tokens.verify("campaign-a", 0, lease)).isFalse();
        assertThat(lease).matches("[0-9a-f]{64}");
    }

    @Test
    void differentSecretsGiveDifferentTokens() {
        assertThat(new RunToken("another-secret-of-16").sign("c", 1)).isNotEqualTo(tokens.sign("c", 1));
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new RunToken("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 characters");
    }
}
