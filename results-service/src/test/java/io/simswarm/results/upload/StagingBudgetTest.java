package io.simswarm.results.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import org.junit.jupiter.api.Test;

class StagingBudgetTest {

    private final StagingBudget budget = new StagingBudget(1000);

    @Test
    void sharesAddUpAndAreGivenBackWhenClosed() {
        try (StagingBudget.Share a = budget.open(); StagingBudget.Share b = budget.open()) {
            a.charge(400);
            b.charge(600);
            assertThat(budget.held()).isEqualTo(1000);
        }
        assertThat(budget.held()).isZero();
    }

    @Test
    void theUploadThatGoesPastTheBudgetWhileOthersHoldBytesIsRefusedWithRetryAfter() {
        try (StagingBudget.Share a = budget.open(); StagingBudget.Share b = budget.open()) {
            a.charge(700);
            b.charge(300);
            assertThatThrownBy(() -> b.charge(1)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.retryAfterSeconds()).isEqualTo(5);
                assertThat(e.getMessage()).isEqualTo("The results service is unpacking other uploads that hold 700"
                        + " bytes of its staging budget of 1000 bytes; try again in 5 seconds.");
            });
            b.close();
            assertThat(budget.held()).as("the refused share's bytes, the one that failed included, are back")
                    .isEqualTo(700);
        }
        assertThat(budget.held()).isZero();
    }

    @Test
    void anUploadAloneIsNeverRefusedByTheBudget() {
        try (StagingBudget.Share alone = budget.open()) {
            alone.charge(5000);
            assertThat(budget.held()).isEqualTo(5000);
        }
        assertThat(budget.held()).isZero();
    }
}
