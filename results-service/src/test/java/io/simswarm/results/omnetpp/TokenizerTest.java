package io.simswarm.results.omnetpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsOnSpacesAndTabs() throws ParseException {
        assertThat(Tokenizer.tokenize("scalar\tNet.host[0]  name \t 1.5  ")).containsExactly("scalar",
                "Net.host[0]", "name", "1.5");
    }

    @Test
    void readsQuotedTokensWithEscapes() throws ParseException {
        assertThat(Tokenizer.tokenize("par Aloha.server typename \"\\\"Server\\\"\"")).containsExactly("par",
                "Aloha.server", "typename", "\"Server\"");
        assertThat(Tokenizer.tokenize("attr title \"a\\tb\\\\c\\nd\\x41\"")).containsExactly("attr", "title",
                "a\tb\\c\ndA");
        assertThat(Tokenizer.tokenize("attr x \"\"")).containsExactly("attr", "x", "");
    }

    @Test
    void reportsUnterminatedQuotes() {
        assertThatThrownBy(() -> Tokenizer.tokenize("attr title \"open")).isInstanceOf(ParseException.class)
                .hasMessage("unterminated quoted string");
        assertThatThrownBy(() -> Tokenizer.tokenize("attr title \"a\"b")).isInstanceOf(ParseException.class)
                .hasMessageContaining("after closing quote");
    }

    @Test
    void recognisesBlankAndCommentLines() {
        assertThat(Tokenizer.isBlankOrComment("")).isTrue();
        assertThat(Tokenizer.isBlankOrComment(" \t ")).isTrue();
        assertThat(Tokenizer.isBlankOrComment("  # comment")).isTrue();
        assertThat(Tokenizer.isBlankOrComment("scalar a b 1")).isFalse();
    }

    @Test
    void parsesNumbersIncludingNanAndInfinities() throws ParseException {
        assertThat(Numbers.parse("1e-06")).isEqualTo(1e-6);
        assertThat(Numbers.parse("-3.5")).isEqualTo(-3.5);
        assertThat(Numbers.parse("nan")).isNaN();
        assertThat(Numbers.parse("-nan")).isNaN();
        assertThat(Numbers.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numbers.parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Numbers.parse("12abc")).hasMessage("'12abc' is not a number");
        assertThatThrownBy(() -> Numbers.parse("1.5s")).hasMessage("'1.5s' is not a number");
    }
}
