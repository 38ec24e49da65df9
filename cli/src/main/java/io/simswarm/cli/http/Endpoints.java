package io.simswarm.cli.http;

import io.simswarm.cli.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
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

    private final Map<String, String> environment;
    private final Path homeDirectory;

    public Endpoints() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    Endpoints(Map<String, String> environment, Path homeDirectory) {
        this.environment = environment;
        this.homeDirectory = homeDirectory;
    }

    /** The base URL of {@code service}, without a trailing slash. */
    public String url(Service service) {
        String flag = flags().get(service);
        if (flag != null) {
            return trim(flag);
        }
        String fromEnvironment = environment.get(service.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return trim(fromEnvironment);
        }
        String fromFile = configFile().getProperty(service.key() + ".url");
        return trim(fromFile != null ? fromFile : service.defaultUrl());
    }

    /** A client for {@code service}. */
    public ApiClient client(Service service) {
        return new ApiClient(service, url(service));
    }

    private Map<Service, String> flags() {
        Map<Service, String> flags = new EnumMap<>(Service.class);
        putIfSet(flags, Service.PROVISIONER, provisionerUrl);
        putIfSet(flags, Service.BUILD, buildUrl);
        putIfSet(flags, Service.SCHEDULER, schedulerUrl);
        putIfSet(flags, Service.RESULTS, resultsUrl);
        return flags;
    }

    private static void putIfSet(Map<Service, String> flags, Service service, String value) {
        if (value != null && !value.isBlank()) {
            flags.put(service, value);
        }
    }

    private Properties configFile() {
        String explicit = environment.get("SIMSWARM_CONFIG");
        Path file = explicit != null ? Path.of(explicit)
                : homeDirectory.resolve(".config").resolve("simswarm").resolve("config.properties");
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            if (explicit != null) {
                throw new CliException("the config file " + file + " named by SIMSWARM_CONFIG does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new CliException("cannot read the config file " + file + ": " + e.getMessage());
        }
    }

    private static String trim(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
