package io.simswarm.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void singleQuotesAndEscapesEmbeddedQuotes() {
        assertThat(Shell.quote("$rho>0.5 && it's")).isEqualTo("'$rho>0.5 && it'\\''s'");
    }
}
