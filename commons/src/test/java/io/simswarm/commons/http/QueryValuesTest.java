package io.simswarm.commons.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import org.junit.jupiter.api.Test;

class QueryValuesTest {

    @Test
    void aListOfWholeNumbersIsReadInOrder() {
        assertThat(QueryValues.wholeNumbers("run", "3,7, 11", 10)).containsExactly(3, 7, 11);
        assertThat(QueryValues.wholeNumbers("run", "4", 10)).containsExactly(4);
        assertThat(QueryValues.wholeNumbers("run", null, 10)).isEmpty();
        assertThat(QueryValues.wholeNumbers("run", "", 10)).isEmpty();
    }

    @Test
    void aBadListIsAnsweredWithASentenceNamingTheParameter() {
        assertThatThrownBy(() -> QueryValues.wholeNumbers("run", "3,three", 10)).isInstanceOf(ApiException.class)
                .hasMessage("run must be a whole number, not 'three'.");
        assertThatThrownBy(() -> QueryValues.wholeNumbers("run", "3,,4", 10))
                .hasMessage("run must be a whole number or a list of them like 3,7,11, not '3,,4'.");
        assertThatThrownBy(() -> QueryValues.wholeNumbers("run", "1,2,3", 2))
                .hasMessage("run may list at most 2 numbers, not 3.");
    }
}
