package io.simswarm.scheduler.lease;

import static io.simswarm.scheduler.support.TestWorker.fields;
import static io.simswarm.scheduler.support.TestWorker.finish;
import static io.simswarm.scheduler.support.TestWorker.leaseResponseAs;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.simswarm.scheduler.support.StandIns;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run that failed on a worker goes to another worker first; the worker that failed it gets other runs or waits. */
@QuarkusTest
@TestProfile(RetryElsewhereTest.AMinute.class)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class RetryElsewhereTest {

    /** A failed run is left to other workers for a minute. */
    public static class AMinute implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simswarm.scheduler.lease.retry-elsewhere-for", "1m");
        }
    }

    @Test
    void aFailedRunGoesToAnotherWorkerFirst() {
        String id = runningCampaign("MM1", "3,4", 2);
        Map<String, String> first = fields(leaseResponseAs(id, "node-a/task-1").then().statusCode(200)
                .extract().asString());
        assertThat(first.get("run")).isEqualTo("3");
        finish(id, first, 1, "skipped", "Segmentation fault (bad luck)").then().statusCode(204);

        Map<String, String> next = fields(leaseResponseAs(id, "node-a/task-1").then().statusCode(200)
                .extract().asString());
        assertThat(next.get("run")).as("the worker that failed run 3 gets another run").isEqualTo("4");
        assertThat(leaseResponseAs(id, "node-a/task-1").then().statusCode(200).extract().asString())
                .as("and then waits rather than take run 3 again").isEqualTo("wait 1\n");
        Map<String, String> elsewhere = fields(leaseResponseAs(id, "node-b/task-2").then().statusCode(200)
                .extract().asString());
        assertThat(elsewhere).containsEntry("run", "3").containsEntry("attempt", "2");
    }
}
