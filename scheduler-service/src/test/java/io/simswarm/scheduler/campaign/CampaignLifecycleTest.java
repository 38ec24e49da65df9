package io.simswarm.scheduler.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.Topics;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.support.CampaignChanges;
import io.simswarm.scheduler.support.StandIns;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every transition of a campaign, allowed and refused, as {@link CampaignLifecycle} makes it on the real database:
 * the status, what is announced through the outbox and the CDI events fired. Each test runs in a transaction that is
 * rolled back, so nothing leaves the outbox and no observer acts after a commit.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class CampaignLifecycleTest {

    @Inject
    CampaignLifecycle lifecycle;
    @Inject
    RunLedger runs;
    @Inject
    CampaignChanges changes;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    @Test
    void onlyTheDrawnTransitionsAreAllowed() {
        assertThat(allowedFrom(CampaignStatus.BUILDING)).containsExactlyInAnyOrder(CampaignStatus.EXPANDING,
                CampaignStatus.FAILED, CampaignStatus.CANCELLED);
        assertThat(allowedFrom(CampaignStatus.EXPANDING)).containsExactlyInAnyOrder(CampaignStatus.RUNNING,
                CampaignStatus.FAILED, CampaignStatus.CANCELLED);
        assertThat(allowedFrom(CampaignStatus.RUNNING)).containsExactlyInAnyOrder(CampaignStatus.SUCCEEDED,
                CampaignStatus.FAILED, CampaignStatus.CANCELLED);
        assertThat(allowedFrom(CampaignStatus.FAILED)).containsExactly(CampaignStatus.RUNNING);
        assertThat(allowedFrom(CampaignStatus.SUCCEEDED)).isEmpty();
        assertThat(allowedFrom(CampaignStatus.CANCELLED)).isEmpty();
    }

    @Test
    @TestTransaction
    void aSubmittedCampaignIsBuildingAndAsksForItsBuild() {
        Campaign c = newCampaign();
        lifecycle.submitted(c);

        assertThat(c.status).isEqualTo(CampaignStatus.BUILDING);
        assertThat(c.submittedAt).isNotNull();
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " SUBMITTED BUILDING",
                Topics.BUILD_REQUESTS + " " + c.repoUrl);
    }

    @Test
    @TestTransaction
    void aSuccessfulBuildMovesTheCampaignToExpanding() {
        Campaign c = campaign(CampaignStatus.BUILDING);
        lifecycle.built(c, BuildFinished.success(c.id, "b1", "abc123", "img:1", "sha256:" + "ab".repeat(32), "sha256:" + "cd".repeat(32), "/work", false));

        assertThat(c.status).isEqualTo(CampaignStatus.EXPANDING);
        assertThat(c.image).isEqualTo("img:1");
        assertThat(c.imageWorkdir).isEqualTo("/work");
        assertThat(c.commit).isEqualTo("abc123");
        assertThat(changes.of(c.id)).containsExactly(
                new CampaignChanged(c.id, CampaignStatus.BUILDING, CampaignStatus.EXPANDING));
        assertThat(outbox(c.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void aFailedBuildFailsTheCampaignWithTheBuildsReason() {
        Campaign c = campaign(CampaignStatus.BUILDING);
        lifecycle.built(c, BuildFinished.failure(c.id, "b1", null, "make: *** [all] Error 2"));

        assertThat(c.status).isEqualTo(CampaignStatus.FAILED);
        assertThat(c.error).isEqualTo("The build failed: make: *** [all] Error 2");
        assertThat(c.finishedAt).isNotNull();
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " FINISHED FAILED");
    }

    @Test
    @TestTransaction
    void aBuildResultForACampaignNoLongerBuildingChangesNothing() {
        Campaign c = campaign(CampaignStatus.CANCELLED);
        lifecycle.built(c, BuildFinished.success(c.id, "b1", "abc123", "img:1", "sha256:" + "ab".repeat(32), "sha256:" + "cd".repeat(32), "/work", false));

        assertThat(c.status).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(c.image).isNull();
        assertThat(changes.of(c.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void anExpandedCampaignRunsItsRunsAndAnnouncesItsStart() {
        Campaign c = campaign(CampaignStatus.EXPANDING);
        lifecycle.expanded(c, List.of(0, 1, 2));

        assertThat(c.status).isEqualTo(CampaignStatus.RUNNING);
        assertThat(c.totalRuns).isEqualTo(3);
        assertThat(runs.counts(c.id)).containsEntry(RunState.PENDING, 3);
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " STARTED RUNNING");
        assertThat(changes.of(c.id)).containsExactly(
                new CampaignChanged(c.id, CampaignStatus.EXPANDING, CampaignStatus.RUNNING));
    }

    @Test
    @TestTransaction
    void aRefusedTransitionChangesNothing() {
        Campaign c = campaign(CampaignStatus.BUILDING);

        assertThatThrownBy(() -> lifecycle.expanded(c, List.of(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go from BUILDING to RUNNING");
        assertThat(c.status).isEqualTo(CampaignStatus.BUILDING);
        assertThat(changes.of(c.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void aCampaignWithOpenRunsIsNotComplete() {
        Campaign c = running(List.of(RunState.SUCCEEDED, RunState.UPLOADED));
        lifecycle.completeIfDone(c);

        assertThat(c.status).isEqualTo(CampaignStatus.RUNNING);
        assertThat(outbox(c.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void aCampaignWhoseRunsAllSucceededSucceeds() {
        Campaign c = running(List.of(RunState.SUCCEEDED, RunState.SUCCEEDED));
        lifecycle.completeIfDone(c);

        assertThat(c.status).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(c.error).isNull();
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " FINISHED SUCCEEDED");
        assertThat(changes.of(c.id)).containsExactly(
                new CampaignChanged(c.id, CampaignStatus.RUNNING, CampaignStatus.SUCCEEDED));
    }

    @Test
    @TestTransaction
    void aCampaignWithAFailedRunFailsNamingIt() {
        Campaign c = running(List.of(RunState.SUCCEEDED, RunState.FAILED));
        lifecycle.completeIfDone(c);

        assertThat(c.status).isEqualTo(CampaignStatus.FAILED);
        assertThat(c.error).startsWith("Run 1 failed after 1 attempt: exit 3");
    }

    @Test
    @TestTransaction
    void failingEndsACampaignThatHasNotEndedAndLeavesAnEndedOneAlone() {
        Campaign expanding = campaign(CampaignStatus.EXPANDING);
        lifecycle.fail(expanding, "No node can take the workers.");
        Campaign succeeded = campaign(CampaignStatus.SUCCEEDED);
        lifecycle.fail(succeeded, "too late");

        assertThat(expanding.status).isEqualTo(CampaignStatus.FAILED);
        assertThat(expanding.error).isEqualTo("No node can take the workers.");
        assertThat(succeeded.status).isEqualTo(CampaignStatus.SUCCEEDED);
        assertThat(succeeded.error).isNull();
        assertThat(outbox(succeeded.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void cancellingCancelsTheOpenRunsAndRefusesAnEndedCampaign() {
        Campaign c = running(List.of(RunState.SUCCEEDED, RunState.PENDING, RunState.RUNNING));
        lifecycle.cancel(c);

        assertThat(c.status).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(runs.counts(c.id)).containsEntry(RunState.SUCCEEDED, 1).containsEntry(RunState.CANCELLED, 2);
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " FINISHED CANCELLED");
        assertThatThrownBy(() -> lifecycle.cancel(c)).isInstanceOf(ApiException.class)
                .hasMessageContaining("has already ended with status CANCELLED");
    }

    @Test
    @TestTransaction
    void retryingAFailedCampaignRunsItsFailedRunsAgain() {
        Campaign c = running(List.of(RunState.SUCCEEDED, RunState.FAILED));
        lifecycle.completeIfDone(c);
        lifecycle.retryFailed(c);

        assertThat(c.status).isEqualTo(CampaignStatus.RUNNING);
        assertThat(c.error).isNull();
        assertThat(c.finishedAt).isNull();
        assertThat(runs.counts(c.id)).containsEntry(RunState.PENDING, 1);
        assertThat(((Number) entityManager.createNativeQuery("select budget_used from run where campaign_id = ?1"
                + " and run_number = 1").setParameter(1, c.id).getSingleResult()).intValue()).as("budget used")
                .isZero();
        assertThat(outbox(c.id)).containsExactly(Topics.CAMPAIGN_EVENTS + " FINISHED FAILED",
                Topics.CAMPAIGN_EVENTS + " STARTED RUNNING");
        assertThat(changes.of(c.id)).extracting(CampaignChanged::to)
                .containsExactly(CampaignStatus.FAILED, CampaignStatus.RUNNING);
    }

    @Test
    @TestTransaction
    void retryingARunningCampaignKeepsItRunning() {
        Campaign c = running(List.of(RunState.FAILED, RunState.RUNNING));
        lifecycle.retryFailed(c);

        assertThat(c.status).isEqualTo(CampaignStatus.RUNNING);
        assertThat(runs.counts(c.id)).containsEntry(RunState.PENDING, 1);
        assertThat(changes.of(c.id)).isEmpty();
    }

    @Test
    @TestTransaction
    void retryingIsRefusedWithoutFailedRunsOrForAnotherStatus() {
        Campaign succeeded = campaign(CampaignStatus.SUCCEEDED);
        Campaign noneFailed = running(List.of(RunState.RUNNING));

        assertThatThrownBy(() -> lifecycle.retryFailed(succeeded)).isInstanceOf(ApiException.class)
                .hasMessageContaining("is SUCCEEDED; only the failed runs of a failed or running campaign");
        assertThatThrownBy(() -> lifecycle.retryFailed(noneFailed)).isInstanceOf(ApiException.class)
                .hasMessageContaining("has no failed run to retry");
    }

    private static Set<CampaignStatus> allowedFrom(CampaignStatus from) {
        Set<CampaignStatus> allowed = EnumSet.noneOf(CampaignStatus.class);
        for (CampaignStatus to : CampaignStatus.values()) {
            if (from.canBecome(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    /** A RUNNING campaign with one run per state given (run numbers 0, 1, ...), each tried once. */
    private Campaign running(List<RunState> states) {
        Campaign c = campaign(CampaignStatus.RUNNING);
        c.totalRuns = states.size();
        for (int i = 0; i < states.size(); i++) {
            Run run = new Run();
            run.campaignId = c.id;
            run.runNumber = i;
            run.state = states.get(i);
            run.attempts = 1;
            run.budgetUsed = 1;
            run.error = states.get(i) == RunState.FAILED ? "exit 3" : null;
            run.persist();
        }
        entityManager.flush();
        return c;
    }

    private Campaign campaign(CampaignStatus status) {
        Campaign c = newCampaign();
        c.status = status;
        c.submittedAt = Instant.now().minus(Duration.ofMinutes(1));
        c.persist();
        return c;
    }

    private static Campaign newCampaign() {
        Campaign c = new Campaign();
        c.id = UUID.randomUUID().toString();
        c.cluster = "local";
        c.repoUrl = "file:///lifecycle-test/" + c.id;
        c.config = "General";
        c.runCommand = "./sim";
        c.maxParallel = 2;
        c.retries = 1;
        c.runTimeoutSeconds = 60;
        c.cpusPerRun = 1;
        return c;
    }

    /** The campaign's outbox rows in order: topic, then type and status of a campaign event or a build's repository. */
    @SuppressWarnings("unchecked")
    private List<String> outbox(String campaignId) {
        entityManager.flush();
        List<Object[]> rows = entityManager.createNativeQuery("select topic, payload from outbox where record_key = ?1"
                + " order by seq").setParameter(1, campaignId).getResultList();
        return rows.stream().map(row -> row[0] + " " + summary((String) row[0], (String) row[1])).toList();
    }

    private String summary(String topic, String payload) {
        try {
            JsonNode event = json.readTree(payload);
            return topic.equals(Topics.BUILD_REQUESTS) ? event.path("repoUrl").asText()
                    : event.path("type").asText() + " " + event.path("status").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
