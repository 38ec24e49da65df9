package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitRuleOptionTest {

    @Test
    void readsCodeOutputAndBoth() {
        assertThat(ExitRuleOption.parse("code=137:retry")).containsExactly(Map.entry("onExitCode", "137"),
                Map.entry("action", "RETRY"));
        assertThat(ExitRuleOption.parse("output=*<!> Error: a, b: c*:RETRY"))
                .containsExactly(Map.entry("onOutput", "*<!> Error: a, b: c*"), Map.entry("action", "RETRY"));
        assertThat(ExitRuleOption.parse("code=1*,output=*oom*:exit")).containsExactly(
                Map.entry("onExitCode", "1*"), Map.entry("onOutput", "*oom*"), Map.entry("action", "EXIT"));
    }

    @Test
    void refusesWhatIsNoRule() {
        for (String bad : new String[] {"code=1", "code=1:again", ":retry", "exit=1:retry", "code=1,x=2:exit"}) {
            assertThatThrownBy(() -> ExitRuleOption.parse(bad)).isInstanceOf(CliException.class)
                    .hasMessageContaining("--on-exit '" + bad + "' is not a rule");
        }
    }
}
