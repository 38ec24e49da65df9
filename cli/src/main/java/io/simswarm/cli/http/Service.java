package io.simswarm.cli.http;

/** The SimSwarm services the command line talks to, with their default addresses. */
public enum Service {
    PROVISIONER("provisioner", "http://127.0.0.1:8081"),
    BUILD("build", "http://127.0.0.1:8082"),
    SCHEDULER("scheduler", "http://127.0.0.1:8083"),
    RESULTS("results", "http://127.0.0.1:8084");

    private final String key;
    private final String defaultUrl;

    Service(String key, String defaultUrl) {
        this.key = key;
        this.defaultUrl = defaultUrl;
    }

    /** Name used in flags ({@code --scheduler-url}), the config file ({@code scheduler.url}) and messages. */
    public String key() {
        return key;
    }

    /** Environment variable that overrides the address, e.g. {@code SIMSWARM_SCHEDULER_URL}. */
    public String environmentVariable() {
        return "SIMSWARM_" + key.toUpperCase() + "_URL";
    }

    public String defaultUrl() {
        return defaultUrl;
    }
}
