package io.simswarm.cli.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import io.simswarm.cli.config.Settings;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused or missing token is one line that says where a token goes; a 403 is the service's sentence. */
class TokenErrorsTest {

    private StandInService server;

    @BeforeEach
    void start() throws IOException {
        server = new StandInService()
                .on("/campaigns", Answer.problem(401, "This request needs a bearer token."))
                .on("/clusters", Answer.problem(403, "The token of 'vera' (role viewer) does not allow POST /clusters."));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutATokenTheMessageSaysWhereOneGoes() {
        assertThatThrownBy(() -> new ApiClient(Service.SCHEDULER, server.url()).get("/campaigns"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessageContaining("needs a token: set SIMSWARM_TOKEN or token=...")
                .hasMessageContaining("simswarm token create")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRefusedTokenIsNamedByItsSource() {
        ApiClient client = new ApiClient(Service.SCHEDULER, server.url(),
                new Settings.Value("expired.token.value", "SIMSWARM_TOKEN"));
        assertThatThrownBy(() -> client.get("/campaigns"))
                .hasMessageContaining("refused the token from SIMSWARM_TOKEN")
                .hasMessageNotContaining("expired.token.value");
    }

    @Test
    void aForbiddenCallIsTheServicesSentence() {
        ApiClient client = new ApiClient(Service.PROVISIONER, server.url(), new Settings.Value("t", "SIMSWARM_TOKEN"));
        assertThatThrownBy(() -> client.post("/clusters", null))
                .hasMessage("The token of 'vera' (role viewer) does not allow POST /clusters.");
    }
}
