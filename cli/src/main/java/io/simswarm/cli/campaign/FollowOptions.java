package io.simswarm.cli.campaign;

import io.simswarm.cli.config.Settings;
import io.simswarm.cli.text.Durations;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of following a campaign to its end, shared by {@code simswarm run} and {@code simswarm watch}. */
public class FollowOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "results",
            description = "Where the result files go (default: ./results).")
    Path output;

    @Option(names = "--summary", paramLabel = "NAME_GLOB",
            description = "At the end, print the scalars matching NAME_GLOB aggregated over repetitions.")
    String summaryGlob;

    @Option(names = "--no-download", description = "Do not download the result files at the end.")
    boolean noDownload;

    @Option(names = "--reconnect-timeout", paramLabel = "DURATION",
            description = "How long a service may be away (restarting, say) before giving up: seconds, or with s, m "
                    + "or h (default: 5m; also SIMSWARM_RECONNECT_TIMEOUT or reconnect.timeout in the config file).")
    String reconnectTimeout;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "1", hidden = true)
    double pollSeconds;

    /** The reconnect timeout: this option, else the variable, else the config file, else 5 minutes. */
    Duration reconnectTimeout(Settings settings) {
        return Durations.parse("reconnect timeout", settings.value("--reconnect-timeout", reconnectTimeout,
                "SIMSWARM_RECONNECT_TIMEOUT", "reconnect.timeout", "5m"));
    }

    Duration poll() {
        return Duration.ofMillis((long) (pollSeconds * 1000));
    }
}
