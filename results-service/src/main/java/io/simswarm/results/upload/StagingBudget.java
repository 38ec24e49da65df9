package io.simswarm.results.upload;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.config.ResultsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One budget of staging bytes shared by the uploads this instance unpacks at the same time, so that many large
 * uploads at once cannot fill the disk: each upload takes a {@link Share} and charges it the bytes it unpacks; the
 * share is given back when the staging folder is discarded. An upload that would take the total past
 * {@code simswarm.results.staging-budget-bytes} while other uploads hold bytes is refused with 503 and
 * {@code Retry-After}; an upload alone is never refused by the budget (its own limit is the upload size limit).
 */
@ApplicationScoped
public class StagingBudget {

    /** Seconds a refused upload is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final long budget;
    private final AtomicLong held = new AtomicLong();

    @Inject
    public StagingBudget(ResultsConfig config) {
        this(config.stagingBudgetBytes());
    }

    StagingBudget(long budget) {
        this.budget = budget;
    }

    /** A new, empty share of the budget for one upload. */
    public Share open() {
        return new Share();
    }

    /** Bytes held by all open shares. */
    public long held() {
        return held.get();
    }

    /** The bytes one upload holds; closing it gives them back. Used by one thread. */
    public final class Share implements AutoCloseable {

        private long bytes;

        private Share() {
        }

        /**
         * Adds {@code n} unpacked bytes.
         *
         * @throws ApiException 503 with {@code Retry-After} when the budget is exceeded while other uploads hold bytes
         */
        public void charge(long n) {
            long total = held.addAndGet(n);
            bytes += n;
            if (total > budget && total - bytes > 0) {
                throw ApiException.unavailable("The results service is unpacking other uploads that hold "
                        + (total - bytes) + " bytes of its staging budget of " + budget + " bytes; try again in "
                        + RETRY_AFTER_SECONDS + " seconds.", RETRY_AFTER_SECONDS);
            }
        }

        @Override
        public void close() {
            held.addAndGet(-bytes);
            bytes = 0;
        }
    }
}
