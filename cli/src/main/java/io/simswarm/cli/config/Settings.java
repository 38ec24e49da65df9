package io.simswarm.cli.config;

import io.simswarm.cli.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the command line's settings come from, in this order: an option, an environment variable, the config file
 * ({@code $SIMSWARM_CONFIG} or {@code ~/.config/simswarm/config.properties}), a default. Each value keeps the name of
 * its source, so that a malformed one can be reported with where it was written.
 */
public final class Settings {

    /** A setting's text and where it came from ({@code --scheduler-url}, {@code SIMSWARM_SCHEDULER_URL}, ...). */
    public record Value(String text, String source) {
    }

    private final Map<String, String> environment;
    private final Path homeDirectory;
    private Properties file;
    private Path filePath;

    public Settings(Map<String, String> environment, Path homeDirectory) {
        this.environment = environment;
        this.homeDirectory = homeDirectory;
    }

    /** The settings of this process: its environment and the user's config file. */
    public static Settings ofProcess() {
        return new Settings(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The first of: {@code optionValue} (given with {@code option}), the variable, the config file's key, the
     * default. Blank values count as not given.
     */
    public Value value(String option, String optionValue, String variable, String fileKey, String defaultValue) {
        if (isSet(optionValue)) {
            return new Value(optionValue.trim(), option);
        }
        String fromEnvironment = environment.get(variable);
        if (isSet(fromEnvironment)) {
            return new Value(fromEnvironment.trim(), variable);
        }
        String fromFile = configFile().getProperty(fileKey);
        if (isSet(fromFile)) {
            return new Value(fromFile.trim(), fileKey + " in " + filePath);
        }
        return new Value(defaultValue, "the default");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private Properties configFile() {
        if (file != null) {
            return file;
        }
        String explicit = environment.get("SIMSWARM_CONFIG");
        filePath = explicit != null ? Path.of(explicit)
                : homeDirectory.resolve(".config").resolve("simswarm").resolve("config.properties");
        Properties properties = new Properties();
        if (!Files.isRegularFile(filePath)) {
            if (explicit != null) {
                throw new CliException("the config file " + filePath + " named by SIMSWARM_CONFIG does not exist");
            }
            return file = properties;
        }
        try (Reader reader = Files.newBufferedReader(filePath)) {
            properties.load(reader);
            return file = properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("cannot read the config file " + filePath + ": " + e.getMessage());
        }
    }
}
