package io.simswarm.scheduler.lease;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServerStart;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The URLs of this scheduler and of the results service as the simulation tasks reach them. Unless set, they name
 * this machine as tasks on the local engine's overlay network see it (its address on {@code docker_gwbridge}), or
 * loopback for tasks on the host network.
 */
@ApplicationScoped
public class TaskUrls {

    private final SchedulerConfig config;
    private final DockerClients docker;
    private volatile int httpPort;
    private volatile String host;

    public TaskUrls(SchedulerConfig config, DockerClients docker) {
        this.config = config;
        this.docker = docker;
    }

    void started(@Observes HttpServerStart start) {
        httpPort = start.options().getPort();
    }

    /** Base URL of the lease endpoint of {@code campaignId}. */
    public String leaseUrl(String campaignId) {
        return scheduler() + "/campaigns/" + campaignId + "/leases";
    }

    /** Where the run's results are uploaded. */
    public String uploadUrl(String campaignId, int runNumber) {
        return results() + "/campaigns/" + campaignId + "/runs/" + runNumber + "/results";
    }

    /** Where several runs of the campaign are uploaded in one archive. */
    public String groupUploadUrl(String campaignId) {
        return results() + "/campaigns/" + campaignId + "/results";
    }

    private String scheduler() {
        return trimmed(config.taskSchedulerUrl().orElseGet(() -> "http://" + host() + ":" + port()));
    }

    private String results() {
        return trimmed(config.taskResultsUrl().orElseGet(() -> "http://" + host() + ":8084"));
    }

    private String host() {
        if ("host".equals(config.swarm().network())) {
            return "127.0.0.1";
        }
        if (host == null) {
            host = docker.of(null, null, false).hostAddressForTasks();
        }
        return host;
    }

    private int port() {
        if (httpPort > 0) {
            return httpPort;
        }
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8083);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
