package io.simswarm.imagebuild.git;

import io.simswarm.imagebuild.log.LogSink;
import java.time.Duration;
import org.eclipse.jgit.lib.BatchingProgressMonitor;

/** Writes the end of each git task ("Receiving objects: 100% (120/120)") into the build log. */
class LogProgressMonitor extends BatchingProgressMonitor {

    private final LogSink log;

    LogProgressMonitor(LogSink log) {
        this.log = log;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {
        log.line("git: " + taskName + ": " + workCurr);
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        log.line("git: " + taskName + ": " + percentDone + "% (" + workCurr + "/" + workTotal + ")");
    }
}
