package io.simswarm.imagebuild.log;

import io.simswarm.imagebuild.job.BuildStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Streams a build's log to a client: what is stored so far, then new chunks as they come, until the build has
 * finished and its last chunk was sent.
 */
@ApplicationScoped
public class LogStream {

    private static final Duration POLL = Duration.ofMillis(300);

    private final BuildLogs logs;

    public LogStream(BuildLogs logs) {
        this.logs = logs;
    }

    public StreamingOutput of(UUID buildId) {
        return out -> follow(buildId, out);
    }

    private void follow(UUID buildId, OutputStream out) throws IOException {
        int last = -1;
        while (true) {
            // Read the status first: a build's last chunk is stored before it is marked finished.
            boolean finished = isFinished(buildId);
            List<BuildLogs.Chunk> chunks = logs.after(buildId, last);
            for (BuildLogs.Chunk chunk : chunks) {
                out.write(chunk.text().getBytes(StandardCharsets.UTF_8));
                last = chunk.seq();
            }
            out.flush();
            if (finished && chunks.isEmpty()) {
                return;
            }
            if (chunks.isEmpty()) {
                pause();
            }
        }
    }

    private boolean isFinished(UUID buildId) {
        return logs.status(buildId).map(BuildStatus::isFinished).orElse(true);
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("log stream interrupted");
        }
    }
}
