package io.simswarm.scheduler.lease;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchSizerTest {

    private final BatchSizer sizer = new BatchSizer(16, 1000);

    @Test
    void oneRunUntilTheCampaignsRunsHaveReported() {
        assertThat(sizer.size("c", 16, () -> 500, 8)).isEqualTo(1);
        sizer.finished("other", 10);
        assertThat(sizer.size("c", 16, () -> 500, 8)).as("another campaign's runs say nothing").isEqualTo(1);
    }

    @Test
    void shortRunsFillABatchOfAboutTheBatchDurationWithinTheLimits() {
        sizer.finished("c", 100);
        assertThat(sizer.size("c", 16, () -> 500, 8)).as("1000 ms / 100 ms").isEqualTo(10);
        assertThat(sizer.size("c", 4, () -> 500, 8)).as("the worker asked for at most 4").isEqualTo(4);
        assertThat(sizer.size("c", 1, () -> 500, 8)).as("a worker that takes one at a time").isEqualTo(1);
        assertThat(sizer.size("c", 16, () -> 20, 8)).as("fair share of 20 pending runs over 8 workers").isEqualTo(3);
        assertThat(sizer.size("c", 16, () -> 1, 8)).isEqualTo(1);
        sizer.finished("d", 0);
        assertThat(sizer.size("d", 64, () -> 500, 8)).as("never more than the configured maximum").isEqualTo(16);
    }

    @Test
    void runsLongerThanTheBatchDurationGoOneByOne() {
        sizer.finished("c", 1500);
        assertThat(sizer.size("c", 16, () -> 500, 8)).isEqualTo(1);
        assertThat(sizer.size("c", 16, () -> {
            throw new AssertionError("the pending runs were counted although no batch is possible");
        }, 8)).isEqualTo(1);
    }

    @Test
    void theAverageFollowsTheRunsAsTheyChange() {
        sizer.finished("c", 50);
        assertThat(sizer.size("c", 16, () -> 500, 1)).isEqualTo(16);
        for (int i = 0; i < 20; i++) {
            sizer.finished("c", 400);
        }
        assertThat(sizer.size("c", 16, () -> 500, 1)).as("1000 ms / ~400 ms").isEqualTo(2);
    }
}
