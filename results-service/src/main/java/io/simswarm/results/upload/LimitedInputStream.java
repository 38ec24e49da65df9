package io.simswarm.results.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and fails with {@link UploadTooLargeException} past a limit; each count is also
 * handed to {@code counted} (e.g. a {@link StagingBudget.Share}), which may throw to stop the read.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private final LongConsumer counted;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        this(in, limit, what, n -> { });
    }

    LimitedInputStream(InputStream in, long limit, String what, LongConsumer counted) {
        super(in);
        this.limit = limit;
        this.what = what;
        this.counted = counted;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        counted.accept(n);
        if (count > limit) {
            throw new UploadTooLargeException("The upload is larger than the limit of " + limit + " bytes (" + what
                    + ").");
        }
    }
}
