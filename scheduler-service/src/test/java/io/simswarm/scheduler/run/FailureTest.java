package io.simswarm.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void anOmnetppErrorWithANonZeroExitIsAModelError() {
        Failure failure = Failure.of(1, "Preparing...\n  <!> Error: No such config: Foo\n", 0, null);
        assertThat(failure.failureClass()).isEqualTo(FailureClass.MODEL_ERROR);
        assertThat(failure.message()).isEqualTo("<!> Error: No such config: Foo");
        assertThat(failure.action()).isEqualTo(ExitAction.EXIT);
    }

    @Test
    void withoutTheErrorLineItIsAnExitCodeOrATimeout() {
        assertThat(Failure.of(134, "Aborted", 60, null).failureClass()).isEqualTo(FailureClass.EXIT_CODE);
        assertThat(Failure.of(124, "<!> Warning: slow", 60, List.of()).failureClass())
                .isEqualTo(FailureClass.TIMEOUT);
        assertThat(Failure.of(124, "", 0, null).failureClass()).isEqualTo(FailureClass.EXIT_CODE);
        assertThat(Failure.of(2, "", 0, null).action()).isEqualTo(ExitAction.RETRY);
    }

    @Test
    void theFirstMatchingRuleDecides() {
        List<ExitRule> rules = List.of(new ExitRule("1", "*Error: No such*", ExitAction.RETRY),
                new ExitRule(null, "<!> Error*", ExitAction.EXIT), new ExitRule("1*", null, ExitAction.EXIT));
        Failure noSuchConfig = Failure.of(1, "<!> Error: No such config: Foo", 0, rules);
        assertThat(noSuchConfig.action()).isEqualTo(ExitAction.RETRY);
        assertThat(noSuchConfig.rule()).isSameAs(rules.get(0));
        assertThat(Failure.of(2, "<!> Error: x", 0, rules).rule()).isSameAs(rules.get(1));
        assertThat(Failure.of(137, "Killed", 0, rules).action()).isEqualTo(ExitAction.EXIT);
        assertThat(Failure.of(37, "Killed", 0, rules).rule()).isNull();
    }

    @Test
    void globsMatchWholeLinesLiterally() {
        ExitRule rule = new ExitRule(null, "a.b?[c]*", ExitAction.EXIT);
        assertThat(rule.matches(1, "x\na.bX[c] and more\n")).isTrue();
        assertThat(rule.matches(1, "aXbX[c]")).isFalse();
        assertThat(rule.matches(1, " a.bX[c]")).isFalse();
        assertThat(new ExitRule("1?", null, ExitAction.EXIT).problem()).isNull();
        assertThat(new ExitRule(null, null, ExitAction.EXIT).problem()).contains("needs a condition");
    }
}
