package io.simswarm.imagebuild.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a build's log lines and stores them in chunks: every {@value #LINES_PER_CHUNK} lines and at least every
 * {@value #FLUSH_MILLIS} ms, so readers see the log while the build runs. Keeps the last lines for error messages.
 */
public class BuildLogWriter implements LogSink, AutoCloseable {

    static final int LINES_PER_CHUNK = 200;
    static final long FLUSH_MILLIS = 500;
    private static final int TAIL_LINES = 200;

    private final UUID buildId;
    private final BuildLogs store;
    private final ScheduledFuture<?> timer;
    private final StringBuilder pending = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private int pendingLines;

    BuildLogWriter(UUID buildId, BuildLogs store, ScheduledExecutorService flusher) {
        this.buildId = buildId;
        this.store = store;
        this.timer = flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void line(String text) {
        for (String line : text.split("\r?\n", -1)) {
            pending.append(line).append('\n');
            pendingLines++;
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        if (pendingLines >= LINES_PER_CHUNK) {
            flush();
        }
    }

    @Override
    public synchronized List<String> tail(int n) {
        List<String> lines = new ArrayList<>(tail);
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Stores the pending lines as one chunk. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        store.append(buildId, pending.toString());
        pending.setLength(0);
        pendingLines = 0;
    }

    @Override
    public void close() {
        timer.cancel(false);
        flush();
    }
}
