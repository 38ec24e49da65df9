package io.simswarm.scheduler.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker container killed in the middle of a long run (as a crash or an out-of-memory kill would): the tracker
 * sees its Swarm task end and puts its run back in the queue at once, without waiting for the lease to expire and
 * without spending the run's retry budget; another worker runs it and the campaign succeeds.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class WorkerLossTest {

    @Test
    void theRunOfAKilledWorkerGoesBackToTheQueueAtOnceWithoutSpendingItsBudget() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("runFilter", "$rho==0.5");
        body.put("simArgs", "--sim-time-limit=150000s");
        body.put("retries", 0);
        body.put("maxParallel", 1);
        String id = Campaigns.submit(body);
        await().atMost(Duration.ofMinutes(2)).until(() -> Campaigns.get(id).getInt("runs.running") == 1
                && SwarmServices.runningWorkers(id).size() == 1);
        String container = SwarmServices.runningWorkers(id).get(0);
        String task = SwarmServices.taskOf(container);
        int run = runs(id).getInt("find { it.state == 'RUNNING' }.runNumber");

        SwarmServices.kill(container);

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id, run).getList("outcome").contains("LOST"));
        JsonPath attempts = attempts(id, run);
        assertThat(attempts.getString("[0].outcome")).isEqualTo("LOST");
        assertThat(attempts.getString("[0].worker")).as("the worker is named by its node and task")
                .isEqualTo(SwarmServices.nodeName() + "/" + task);
        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(4));
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(campaign.getInt("runs.total"));
        JsonPath after = attempts(id, run);
        assertThat(after.getList("outcome")).containsExactly("LOST", "SUCCEEDED");
        assertThat(after.getString("[1].worker")).as("a new task ran it").doesNotEndWith("/" + task);
        assertThat(runs(id).getString("find { it.runNumber == " + run + " }.error")).isNull();
        assertThat(StandIns.uploads(id, run)).isEqualTo(1);
    }

    private static JsonPath runs(String id) {
        return given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath attempts(String id, int run) {
        return given().when().get("/campaigns/" + id + "/runs/" + run + "/attempts").then().statusCode(200)
                .extract().jsonPath();
    }
}
