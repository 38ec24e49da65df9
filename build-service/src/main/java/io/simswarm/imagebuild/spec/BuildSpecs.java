package io.simswarm.imagebuild.spec;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.imagebuild.cluster.ClusterDirectory;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.git.GitUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the fields of a build request (REST or Kafka) into a {@link BuildSpec}: checks them and fills in defaults; a
 * cluster named without a Docker endpoint is looked up at the provisioner.
 */
@ApplicationScoped
public class BuildSpecs {

    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[a-z0-9._-]+)*");

    private final BuildConfig config;
    private final ClusterDirectory clusters;

    public BuildSpecs(BuildConfig config, ClusterDirectory clusters) {
        this.config = config;
        this.clusters = clusters;
    }

    /**
     * @throws ApiException 400 naming every field that is wrong or an unknown cluster; 409 or 503 when the cluster's
     *                      endpoint cannot be looked up (see {@link ClusterDirectory#endpointOf})
     */
    public BuildSpec of(String repoUrl, String ref, String workdir, String baseImage, String buildCommand,
            String dockerHost, String registry, String cluster, boolean dockerTls) {
        List<String> errors = new ArrayList<>();
        String url = blankToNull(repoUrl);
        if (url == null) {
            errors.add("repoUrl is required (any git URL: https://..., ssh://..., git@host:path or file:///...)");
        } else {
            GitUrls.problem(url).ifPresent(errors::add);
        }
        String dir = workdir(workdir, errors);
        String clusterName = blankToNull(cluster);
        String host = blankToNull(dockerHost);
        if (host == null && clusterName == null) {
            host = config.dockerHost();
        }
        if (host != null && !host.startsWith("unix://") && !host.startsWith("tcp://")) {
            errors.add("dockerHost '" + host + "' must start with unix:// or tcp://");
        }
        if (dockerTls && clusterName == null) {
            errors.add("dockerTls needs the cluster whose client certificates the provisioner keeps");
        } else if (dockerTls && host != null && !host.startsWith("tcp://")) {
            errors.add("dockerTls needs a tcp:// dockerHost, not '" + host + "'");
        }
        String reg = blankToNull(registry);
        if (reg != null && !REGISTRY.matcher(reg).matches()) {
            errors.add("registry '" + reg + "' must look like host:port (e.g. 127.0.0.1:5050), without a scheme");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Bad request",
                    "The build request is not valid: " + String.join("; ", errors) + ".", errors);
        }
        boolean tls = dockerTls;
        if (host == null) {
            ClusterEndpoint found = clusters.endpointOf(clusterName);
            host = found.dockerHost();
            tls = found.dockerTls();
            reg = reg != null ? reg : blankToNull(found.registry());
        }
        return new BuildSpec(url, blankToNull(ref), dir, orDefault(baseImage, config.defaultBaseImage()),
                orDefault(buildCommand, config.defaultBuildCommand()), host, reg, clusterName, tls);
    }

    private static String workdir(String workdir, List<String> errors) {
        String dir = blankToNull(workdir);
        if (dir == null) {
            return ".";
        }
        try {
            Path path = Path.of(dir).normalize();
            if (path.isAbsolute() || path.startsWith("..") || dir.contains("\\")) {
                errors.add("workdir '" + dir + "' must be a folder inside the repository, relative to its root");
                return dir;
            }
            String normalized = path.toString();
            return normalized.isEmpty() ? "." : normalized;
        } catch (InvalidPathException e) {
            errors.add("workdir '" + dir + "' is not a valid path");
            return dir;
        }
    }

    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
