package io.simswarm.results.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {

    private static boolean matches(String glob, String name) {
        return Pattern.compile(new Glob(glob).toRegex()).matcher(name).find();
    }

    @Test
    void singleStarStaysWithinOneDottedComponent() {
        assertThat(matches("Net.*", "Net.router")).isTrue();
        assertThat(matches("Net.*", "Net.host[0].app")).isFalse();
        assertThat(matches("**.app", "Net.host[0].app")).isTrue();
        assertThat(matches("**", "a.b.c")).isTrue();
        assertThat(matches("*:mean", "rtt:mean")).isTrue();
        assertThat(matches("*:mean", "rtt:meanx")).isFalse();
    }

    @Test
    void questionMarkCharacterSetsAndEscapes() {
        assertThat(matches("host[?]", "host[3]")).isTrue();
        assertThat(matches("host[?]", "host[.]")).isFalse();
        assertThat(matches("host{0-3}", "host2")).isTrue();
        assertThat(matches("host{0-3}", "host7")).isFalse();
        assertThat(matches("host{^0-3}", "host7")).isTrue();
        assertThat(matches("a\\*b", "a*b")).isTrue();
        assertThat(matches("a\\*b", "axb")).isFalse();
        assertThat(matches("x+y (z)", "x+y (z)")).isTrue();
    }

    @Test
    void aPatternIsBoundedInLengthAndWildcards() {
        assertThat(matches("a".repeat(Glob.MAX_LENGTH - 1) + "*", "a".repeat(Glob.MAX_LENGTH))).isTrue();
        assertThatThrownBy(() -> new Glob("a".repeat(Glob.MAX_LENGTH + 1))).isInstanceOf(ApiException.class)
                .hasMessage("A name pattern of 1001 characters is too long: at most 1000 are taken.");
        assertThat(matches("*.".repeat(Glob.MAX_WILDCARDS - 1) + "**", "a.b.c")).isFalse();
        assertThat(new Glob("\\*".repeat(40)).isLiteral()).as("escaped stars are no wildcards").isTrue();
        assertThatThrownBy(() -> new Glob("?".repeat(Glob.MAX_WILDCARDS + 1))).isInstanceOf(ApiException.class)
                .hasMessage("The pattern '" + "?".repeat(33) + "' has 33 wildcards: at most 32 are taken.");
    }

    @Test
    void literalsAndPrefixes() {
        assertThat(new Glob("rtt:mean").isLiteral()).isTrue();
        assertThat(new Glob("a\\*b").isLiteral()).isTrue();
        assertThat(new Glob("a\\*b").unescaped()).isEqualTo("a*b");
        assertThat(new Glob("rtt*").isLiteral()).isFalse();
        assertThat(new Glob("Net.host*.app").literalPrefix()).isEqualTo("Net.host");
        assertThat(new Glob("**.app").literalPrefix()).isEmpty();
    }

    @Test
    void rejectsNumericRangesAndOpenSets() {
        assertThatThrownBy(() -> new Glob("host{1..3}").toRegex()).isInstanceOf(ApiException.class)
                .hasMessageContaining("unsupported set");
        assertThatThrownBy(() -> new Glob("host{1").toRegex()).hasMessageContaining("without a closing");
    }
}
