package io.simswarm.imagebuild.docker;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.logging.Log;
import io.simswarm.docker.DockerClientFactory;
import io.simswarm.docker.DockerClientOptions;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.docker.DockerErrors;
import io.simswarm.imagebuild.cluster.ClusterDirectory;
import io.simswarm.imagebuild.job.BuildFailure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One docker-java client per Docker engine a build targets. A TLS endpoint's client certificates are fetched from the
 * provisioner when its client is made; such a client that cannot reach its engine is dropped, so that the next build
 * fetches them again (a cluster made anew under the same name has new certificates). Every request uses Engine API
 * 1.41 (Docker 20.10); docker-java does not negotiate it.
 */
@ApplicationScoped
public class DockerEngines {

    /** No response timeout: a build step may stay silent for a long time; the build's own timeout applies. */
    private static final DockerClientOptions OPTIONS = new DockerClientOptions(DockerClientOptions.API_1_41,
            Duration.ofSeconds(5), null, 50);

    private final ClusterDirectory clusters;
    private final Map<EngineTarget, Engine> engines = new ConcurrentHashMap<>();

    public DockerEngines(ClusterDirectory clusters) {
        this.clusters = clusters;
    }

    /**
     * The client of {@code target}, after checking that the engine answers.
     *
     * @throws BuildFailure naming the engine and why it cannot be used
     */
    public DockerClient reachable(EngineTarget target) {
        Engine engine = engine(target);
        try {
            engine.client().pingCmd().exec();
            return engine.client();
        } catch (RuntimeException e) {
            if (target.tls() && engines.remove(target, engine)) {
                close(engine.client());
            }
            throw new BuildFailure("The Docker engine at " + target + " is not reachable: "
                    + DockerErrors.reason(engine.endpoint(), e), e);
        }
    }

    /** The client of an engine reached without certificates. */
    public DockerClient client(String host) {
        return engine(EngineTarget.plain(host)).client();
    }

    private Engine engine(EngineTarget target) {
        return engines.computeIfAbsent(target, this::open);
    }

    private Engine open(EngineTarget target) {
        DockerEndpoint endpoint = new DockerEndpoint(target.host(),
                target.tls() ? clusters.dockerTls(target.cluster()) : null);
        return new Engine(endpoint, DockerClientFactory.client(endpoint, OPTIONS));
    }

    @PreDestroy
    void close() {
        engines.values().forEach(engine -> close(engine.client()));
    }

    private static void close(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            Log.debugf(e, "closing a Docker client failed");
        }
    }

    private record Engine(DockerEndpoint endpoint, DockerClient client) {
    }
}
