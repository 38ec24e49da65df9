package io.simswarm.scheduler.lease;

import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many runs one lease answer grants. Runs that take longer than the configured batch duration go one by one;
 * shorter ones go in batches that last about that long, judged by how long the campaign's runs have taken so far
 * (a moving average of the durations workers report). No batch is larger than the worker asked for, than the
 * configured maximum, or than the worker's fair share of the runs still pending, so the last runs spread over all
 * workers. A campaign whose runs have not reported yet gets one run per answer.
 * <p>
 * The averages live in memory: after a restart, or on another replica, a campaign starts again with single runs
 * until its first runs have finished.
 */
@ApplicationScoped
public class BatchSizer {

    /** Weight of the newest duration in the moving average. */
    private static final double WEIGHT = 0.2;
    private static final int CAMPAIGNS_KEPT = 1_000;

    private final int maxBatch;
    private final long batchMillis;
    private final Map<String, Double> averageMillis = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > CAMPAIGNS_KEPT;
        }
    };

    @Inject
    public BatchSizer(SchedulerConfig config) {
        this(config.lease().maxBatch(), config.lease().batchDuration().toMillis());
    }

    BatchSizer(int maxBatch, long batchMillis) {
        this.maxBatch = Math.max(1, maxBatch);
        this.batchMillis = batchMillis;
    }

    /** Counts a finished run of the campaign. */
    public synchronized void finished(String campaignId, long durationMs) {
        double duration = Math.max(0, durationMs);
        averageMillis.merge(campaignId, duration, (average, next) -> average + WEIGHT * (next - average));
    }

    /**
     * The number of runs to grant.
     *
     * @param asked       what the worker asked for ({@code X-Lease-Max}; 1 when it did not)
     * @param pending     counts the runs of the campaign waiting for a worker; asked only when a batch is possible
     * @param maxParallel workers the campaign has
     */
    public int size(String campaignId, int asked, LongSupplier pending, int maxParallel) {
        long limit = Math.min(asked, maxBatch);
        if (limit > 1) {
            Double average = average(campaignId);
            limit = average == null ? 1 : Math.min(limit, (long) Math.floor(batchMillis / Math.max(1.0, average)));
        }
        if (limit <= 1) {
            return 1;
        }
        long workers = Math.max(1, maxParallel);
        long fairShare = (pending.getAsLong() + workers - 1) / workers;
        return (int) Math.max(1, Math.min(limit, fairShare));
    }

    private synchronized Double average(String campaignId) {
        return averageMillis.get(campaignId);
    }
}
