package io.simswarm.imagebuild.spec;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.commons.security.RepoUrls;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.imagebuild.cluster.ClusterDirectory;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.docker.ImageRef;
import io.simswarm.imagebuild.git.GitRefs;
import io.simswarm.imagebuild.git.GitUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the fields of a build request (REST or Kafka) into a {@link BuildSpec}: checks them and fills in defaults; a
 * cluster named without a Docker endpoint is looked up at the provisioner.
 */
@ApplicationScoped
public class BuildSpecs {

    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?(/[a-z0-9._-]+)*");
    /** The provisioner's cluster names. */
    private static final Pattern CLUSTER = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** Control characters a command may hold: tab and line ends. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    static final int MAX_URL = 2048;
    static final int MAX_PATH = 1024;
    static final int MAX_COMMAND = 16 * 1024;

    private final BuildConfig config;
    private final ClusterDirectory clusters;
    private final boolean allowFileRepos;

    public BuildSpecs(BuildConfig config, ClusterDirectory clusters,
            @ConfigProperty(name = "simswarm.repos.allow-file") boolean allowFileRepos) {
        this.config = config;
        this.clusters = clusters;
        this.allowFileRepos = allowFileRepos;
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
        } else if (url.length() > MAX_URL) {
            errors.add("repoUrl is " + url.length() + " characters long; a repository URL has at most " + MAX_URL);
        } else {
            RepoUrls.refusal(url, allowFileRepos).or(() -> GitUrls.problem(url)).ifPresent(errors::add);
        }
        String gitRef = blankToNull(ref);
        if (gitRef != null) {
            GitRefs.problem(gitRef).ifPresent(errors::add);
        }
        String dir = workdir(workdir, errors);
        String image = blankToNull(baseImage);
        if (image != null && !ImageRef.isValid(image)) {
            errors.add(image.length() > ImageRef.MAX_LENGTH ? "baseImage is " + image.length() + " characters long;"
                    + " an image reference has at most " + ImageRef.MAX_LENGTH
                    : "baseImage '" + printable(image) + "' is not an image reference such as debian:bookworm or"
                            + " registry:5000/toolchain:1.0");
        }
        String command = blankToNull(buildCommand);
        if (command != null && command.length() > MAX_COMMAND) {
            errors.add("buildCommand is " + command.length() + " characters long; at most " + MAX_COMMAND
                    + " (put a longer script into the repository and run that)");
        } else if (command != null && CONTROL.matcher(command).find()) {
            errors.add("buildCommand contains control characters (only tabs and line breaks may be part of a"
                    + " command)");
        }
        String clusterName = blankToNull(cluster);
        if (clusterName != null && !CLUSTER.matcher(clusterName).matches()) {
            errors.add("cluster '" + printable(clusterName) + "' is not a cluster name (1 to 40 lowercase letters,"
                    + " digits or dashes, starting with a letter)");
        }
        String host = blankToNull(dockerHost);
        if (host != null && (host.length() > MAX_PATH || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
            errors.add("dockerHost must be a unix:// or tcp:// endpoint of at most " + MAX_PATH + " characters,"
                    + " without spaces or control characters");
            host = null;
        }
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
        return new BuildSpec(url, gitRef, dir, image == null ? config.defaultBaseImage() : image,
                command == null ? config.defaultBuildCommand() : command, host, reg, clusterName, tls);
    }

    private static String workdir(String workdir, List<String> errors) {
        String dir = blankToNull(workdir);
        if (dir == null) {
            return ".";
        }
        if (dir.length() > MAX_PATH || dir.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            errors.add("workdir must be a folder inside the repository: at most " + MAX_PATH + " characters, without"
                    + " control characters");
            return dir;
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

    /** {@code text} with its control characters shown as '?', shortened to 100 characters, for messages. */
    private static String printable(String text) {
        String shown = text.length() <= 100 ? text : text.substring(0, 100) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
