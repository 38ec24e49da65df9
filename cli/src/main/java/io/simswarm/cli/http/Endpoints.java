package io.simswarm.cli.http;

import io.simswarm.cli.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the services are. Each address comes from, in this order: its flag, its environment variable
 * ({@code SIMSWARM_SCHEDULER_URL}, ...), the config file ({@code scheduler.url=...} in
 * {@code $SIMSWARM_CONFIG} or {@code ~/.config/simswarm/config.properties}), the default on localhost.
 */
public class Endpoints {

    @Option(names = "--provisioner-url", paramLabel = "URL", description = "Provisioner service address.")
    String provisionerUrl;

    @Option(names = "--build-url", paramLabel = "URL", description = "Build service address.")
    String buildUrl;

    @Option(names = "--scheduler-url", paramLabel = "URL", description = "Scheduler service address.")
    String schedulerUrl;

    @Option(names = "--results-url", paramLabel = "URL", description = "Results service address.")
    String resultsUrl;

    private final Settings settings;

    public Endpoints() {
        this(Settings.ofProcess());
    }

    Endpoints(Map<String, String> environment, Path homeDirectory) {
        this(new Settings(environment, homeDirectory));
    }

    public Endpoints(Settings settings) {
        this.settings = settings;
    }

    /** The base URL of {@code service}, without a trailing slash; a malformed one is reported with its source. */
    public String url(Service service) {
        Settings.Value value = settings.value("--" + service.key() + "-url", flag(service),
                service.environmentVariable(), service.key() + ".url", service.defaultUrl());
        return ServiceUrl.check(service, value);
    }

    /** A client for {@code service}, sending the bearer token if one is set. */
    public ApiClient client(Service service) {
        return new ApiClient(service, url(service), token());
    }

    /** The bearer token: {@code SIMSWARM_TOKEN}, else {@code token=} in the config file; null when neither is set. */
    public Settings.Value token() {
        Settings.Value token = settings.value("--token", null, "SIMSWARM_TOKEN", "token", null);
        return token.text() == null ? null : token;
    }

    /** The settings these addresses are read from, for the other settings of a command. */
    public Settings settings() {
        return settings;
    }

    private String flag(Service service) {
        return switch (service) {
            case PROVISIONER -> provisionerUrl;
            case BUILD -> buildUrl;
            case SCHEDULER -> schedulerUrl;
            case RESULTS -> resultsUrl;
        };
    }
}
