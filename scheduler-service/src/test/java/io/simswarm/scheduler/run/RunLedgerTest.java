package io.simswarm.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.support.StandIns;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The transitions of runs, one at a time ({@link Run}) and many at once ({@link RunLedger}), on the real database,
 * in transactions that are rolled back.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class RunLedgerTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Failure CRASH = Failure.of(1, "Aborted", 0, null);

    @Inject
    RunLedger runs;
    @Inject
    EntityManager entityManager;

    @Test
    @TestTransaction
    void addedRunsArePendingAndANumberIsAddedOnce() {
        String campaign = campaign();
        runs.add(campaign, List.of(3, 1, 2));
        runs.add(campaign, List.of(2, 4));

        assertThat(runs.ofCampaign(campaign)).extracting(r -> r.runNumber).containsExactly(1, 2, 3, 4);
        assertThat(runs.ofCampaign(campaign)).extracting(r -> r.state).containsOnly(RunState.PENDING);
        assertThat(runs.anyOpen(campaign)).isTrue();
    }

    /**
     * PostgreSQL may run the insert with a generic plan once it has been executed five times; forced here, ten
     * thousand runs with their iteration variables are still added within the statement timeout (the variables'
     * JSON was read once per row before).
     */
    @Test
    @TestTransaction
    void tenThousandRunsAreAddedUnderAGenericPlan() {
        String campaign = campaign();
        Map<Integer, List<Itervar>> itervars = new HashMap<>();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            numbers.add(n);
            itervars.put(n, List.of(new Itervar("rho", "0." + (n % 9 + 1)), new Itervar("repetition", "" + n / 9)));
        }
        entityManager.createNativeQuery("set local plan_cache_mode = force_generic_plan").executeUpdate();
        entityManager.createNativeQuery("set local statement_timeout = '20s'").executeUpdate();

        runs.add(campaign, numbers, itervars);

        assertThat(runs.ofCampaign(campaign)).hasSize(10_000);
        assertThat(runs.ofCampaign(campaign).get(9_999).itervars)
                .containsExactly(new Itervar("rho", "0.1"), new Itervar("repetition", "1111"));
    }

    @Test
    @TestTransaction
    void pendingRunsAreLockedLowestFirstAndLeasedWithAnAttempt() {
        String campaign = campaign();
        runs.add(campaign, List.of(5, 6, 7));
        List<Run> locked = runs.lockPending(campaign, "node-1/task-a", Duration.ZERO, 2);
        assertThat(locked).extracting(r -> r.runNumber).containsExactly(5, 6);

        Instant now = Instant.now();
        Attempt lease = runs.lease(locked.get(0), "node-1/task-a", now, TTL);

        Run run = locked.get(0);
        assertThat(run.state).isEqualTo(RunState.RUNNING);
        assertThat(run.attempts).isEqualTo(1);
        assertThat(run.budgetUsed).isEqualTo(1);
        assertThat(run.node).as("the node of the worker").isEqualTo("node-1");
        assertThat(lease.worker).isEqualTo("node-1/task-a");
        assertThat(lease.number).isEqualTo(1);
        assertThat(lease.runNumber).isEqualTo(5);
        assertThat(lease.expiresAt).isEqualTo(now.plus(TTL));
        assertThat(lease.open()).isTrue();
        assertThat(runs.lockPending(campaign, "w", Duration.ZERO, 10)).extracting(r -> r.runNumber)
                .containsExactly(6, 7);
        assertThatThrownBy(() -> runs.lease(run, "again", now, TTL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is RUNNING, not PENDING");
    }

    @Test
    @TestTransaction
    void aFailedAttemptGoesBackToTheQueueUntilTheBudgetIsSpent() {
        String campaign = campaign();
        runs.add(campaign, List.of(0));
        Run run = runs.lockPending(campaign, "w", Duration.ZERO, 1).get(0);

        runs.lease(run, "w", Instant.now(), TTL);
        assertThat(run.attemptFailed(CRASH, "exit 1", 1)).isTrue();
        assertThat(run.state).isEqualTo(RunState.PENDING);
        assertThat(run.error).isEqualTo("exit 1");

        runs.lease(run, "w", Instant.now(), TTL);
        assertThat(run.attemptFailed(CRASH, "exit 2", 1)).isTrue();
        assertThat(run.state).isEqualTo(RunState.FAILED);
        assertThat(run.attempts).isEqualTo(2);
        assertThat(runs.failed(campaign)).containsExactly(run);
        assertThat(run.attemptFailed(CRASH, "late report", 1)).as("a run no longer running stays as it is").isFalse();
        assertThat(run.error).isEqualTo("exit 2");
    }

    @Test
    @TestTransaction
    void anAttemptLostToTheSystemSpendsNoBudgetUpToItsOwnCap() {
        String campaign = campaign();
        runs.add(campaign, List.of(0));
        Run run = runs.lockPending(campaign, "w", Duration.ZERO, 1).get(0);

        for (int lost = 1; lost <= 2; lost++) {
            runs.lease(run, "w", Instant.now(), TTL);
            assertThat(run.attemptLostToSystem("worker gone", 2)).isTrue();
            assertThat(run.state).isEqualTo(RunState.PENDING);
            assertThat(run.budgetUsed).as("budget after %d losses", lost).isZero();
            assertThat(run.systemFailures).isEqualTo(lost);
        }
        runs.lease(run, "w", Instant.now(), TTL);
        assertThat(run.attemptFailed(CRASH, "exit 1", 0)).isTrue();
        assertThat(run.state).as("a failure of the run itself still spends the budget").isEqualTo(RunState.FAILED);

        String other = campaign();
        runs.add(other, List.of(0));
        Run unlucky = runs.lockPending(other, "w", Duration.ZERO, 1).get(0);
        for (int i = 0; i < 3; i++) {
            runs.lease(unlucky, "w", Instant.now(), TTL);
            unlucky.attemptLostToSystem("worker gone", 2);
        }
        assertThat(unlucky.state).isEqualTo(RunState.FAILED);
        assertThat(unlucky.error).isEqualTo("worker gone The run was lost to the system 3 times; it is not tried"
                + " again.");
    }

    @Test
    @TestTransaction
    void aRunThatJustFailedOnAWorkerIsLeftToOtherWorkersForAWhile() {
        String campaign = campaign();
        runs.add(campaign, List.of(0, 1));
        Run run = runs.lockPending(campaign, "node-1/a", Duration.ZERO, 1).get(0);
        Attempt attempt = runs.lease(run, "node-1/a", Instant.now(), TTL);
        attempt.close(AttemptOutcome.FAILED);
        run.attemptFailed(CRASH, "exit 1", 3);
        entityManager.flush();

        assertThat(runs.lockPending(campaign, "node-1/a", Duration.ofMinutes(1), 10)).extracting(r -> r.runNumber)
                .as("the worker that failed run 0").containsExactly(1);
        assertThat(runs.lockPending(campaign, "node-2/b", Duration.ofMinutes(1), 10)).extracting(r -> r.runNumber)
                .as("another worker").containsExactly(0, 1);
        assertThat(runs.lockPending(campaign, "node-1/a", Duration.ZERO, 10)).extracting(r -> r.runNumber)
                .as("once the while is over").containsExactly(0, 1);
    }

    @Test
    @TestTransaction
    void anUploadedRunSucceedsWhenItsResultsAreStored() {
        String campaign = campaign();
        runs.add(campaign, List.of(0));
        Run run = runs.lockPending(campaign, "w", Duration.ZERO, 1).get(0);
        runs.lease(run, "w", Instant.now(), TTL);

        run.ended(0, 1500);
        run.uploaded();
        assertThat(run.state).isEqualTo(RunState.UPLOADED);
        assertThat(runs.anyOpen(campaign)).isTrue();

        Instant stored = Instant.now();
        run.stored(stored);
        assertThat(run.state).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.storedAt).isEqualTo(stored);
        assertThat(run.exitCode).isZero();
        assertThat(run.durationMs).isEqualTo(1500);
        assertThat(runs.anyOpen(campaign)).isFalse();
    }

    @Test
    @TestTransaction
    void storedResultsOfACancelledRunOnlyRecordWhen() {
        String campaign = campaign();
        runs.add(campaign, List.of(0, 1));
        List<Run> leased = runs.lockPending(campaign, "w", Duration.ZERO, 2);
        Attempt open = runs.lease(leased.get(0), "w", Instant.now(), TTL);
        runs.cancelAll(campaign);
        entityManager.clear();

        Run run = runs.find(campaign, 0).orElseThrow();
        assertThat(runs.counts(campaign)).containsEntry(RunState.CANCELLED, 2).hasSize(1);
        assertThat(Attempt.<Attempt>findById(open.id).outcome).isEqualTo(AttemptOutcome.WITHDRAWN);
        run.stored(Instant.now());
        assertThat(run.state).isEqualTo(RunState.CANCELLED);
        assertThat(run.storedAt).isNotNull();
    }

    @Test
    @TestTransaction
    void retryingFailedRunsGivesThemAFreshBudget() {
        String campaign = campaign();
        runs.add(campaign, List.of(0, 1));
        Run run = runs.lockPending(campaign, "w", Duration.ZERO, 1).get(0);
        runs.lease(run, "w", Instant.now(), TTL);
        run.attemptFailed(CRASH, "exit 1", 0);
        entityManager.flush();

        assertThat(runs.retryFailed(campaign)).isEqualTo(1);
        entityManager.clear();
        Run again = runs.find(campaign, 0).orElseThrow();
        assertThat(again.state).isEqualTo(RunState.PENDING);
        assertThat(again.budgetUsed).isZero();
        assertThat(again.attempts).isEqualTo(1);
        assertThat(runs.retryFailed(campaign)).isZero();
    }

    @Test
    @TestTransaction
    void countsArePerStateAndPerCampaign() {
        String first = campaign();
        String second = campaign();
        runs.add(first, List.of(0, 1, 2));
        runs.add(second, List.of(0));
        runs.lease(runs.lockPending(first, "w", Duration.ZERO, 1).get(0), "w", Instant.now(), TTL);

        assertThat(runs.counts(first)).containsEntry(RunState.PENDING, 2).containsEntry(RunState.RUNNING, 1);
        assertThat(runs.count(first, RunState.RUNNING)).isEqualTo(1);
        assertThat(runs.countsByCampaign().get(second)).containsEntry(RunState.PENDING, 1).hasSize(1);
        assertThat(runs.lock(first, List.of(2, 0))).extracting(r -> r.runNumber).containsExactly(0, 2);
    }

    /** A running campaign without runs; its id. */
    private static String campaign() {
        Campaign c = new Campaign();
        c.id = UUID.randomUUID().toString();
        c.cluster = "local";
        c.repoUrl = "file:///ledger-test/" + c.id;
        c.config = "General";
        c.runCommand = "./sim";
        c.status = CampaignStatus.RUNNING;
        c.submittedAt = Instant.now();
        c.persist();
        return c.id;
    }
}
