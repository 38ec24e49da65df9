package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void leavesPlainArgumentsAloneAndQuotesTheRest() {
        assertThat(ShellQuoting.join(List.of("--sim-time-limit=100s", "--**.vector-recording=false",
                "--seed-set=${repetition}", "it's")))
                .isEqualTo("--sim-time-limit=100s '--**.vector-recording=false' '--seed-set=${repetition}' 'it'\\''s'");
    }
}
