package io.simswarm.results;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.simswarm.events.RunToken;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/** Uploads for tests: unique campaign ids and the run tokens of the test secret. */
public final class TestRuns {

    public static final Path OMNETPP_61 = Path.of("src/test/resources/omnetpp-6.1");
    public static final Path V2 = Path.of("src/test/resources/omnetpp-v2");
    public static final String SCA = "PureAlohaExperiment-numHosts=10,iaMean=2-#1.sca";
    public static final String VEC = "PureAlohaExperiment-numHosts=10,iaMean=2-#1.vec";
    public static final String VCI = "PureAlohaExperiment-numHosts=10,iaMean=2-#1.vci";
    public static final String OUT = "PureAlohaExperiment-numHosts=10,iaMean=2-#1.out";

    private static final RunToken TOKENS = new RunToken("simswarm-development-secret-change-me");

    private TestRuns() {
    }

    public static String newCampaign() {
        return "c-" + UUID.randomUUID();
    }

    public static String token(String campaignId, int run) {
        return TOKENS.sign(campaignId, run);
    }

    /** The OMNeT++ 6.1 sample plus a .out log, as the runner would pack it. */
    public static Archives omnetpp61() {
        return Archives.of(OMNETPP_61).file(OUT, "Preparing for running configuration PureAlohaExperiment, run #3...\n"
                + "<!> Simulation time limit reached -- at t=600s\nEnd.\n");
    }

    /** {@code RUN=TOKEN,...} for the Authorization header of a group upload. */
    public static String tokenList(String campaignId, int... runs) {
        return String.join(",", Arrays.stream(runs).mapToObj(r -> r + "=" + token(campaignId, r)).toList());
    }

    public static ValidatableResponse uploadGroup(String campaignId, byte[] body, int... runs) {
        return uploadGroup(campaignId, "Bearer " + tokenList(campaignId, runs), body);
    }

    public static ValidatableResponse uploadGroup(String campaignId, String authorization, byte[] body) {
        return given().header("Authorization", authorization).contentType("application/gzip").body(body)
                .when().post("/campaigns/{c}/results", campaignId).then();
    }

    public static ValidatableResponse upload(String campaignId, int run, byte[] body) {
        return given().header("Authorization", "Bearer " + token(campaignId, run)).contentType("application/gzip")
                .body(body).when().post("/campaigns/{c}/runs/{r}/results", campaignId, run).then();
    }
}
