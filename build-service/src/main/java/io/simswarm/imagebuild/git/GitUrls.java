package io.simswarm.imagebuild.git;

import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.transport.URIish;

/** Checks that a repository URL is one JGit can clone, before anything is tried with it. */
public final class GitUrls {

    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");

    private GitUrls() {
    }

    /** Why {@code url} cannot be a git repository URL, or empty when it looks fine. */
    public static Optional<String> problem(String url) {
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("repoUrl '" + url + "' contains spaces or control characters");
        }
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            return Optional.of("repoUrl '" + url + "' is not a git URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme != null && !SCHEMES.contains(scheme.toLowerCase())) {
            return Optional.of("repoUrl '" + url + "' uses the unsupported scheme '" + scheme
                    + "' (use https, http, ssh, git or file)");
        }
        if (scheme == null && uri.getHost() == null && !url.startsWith("/")) {
            return Optional.of("repoUrl '" + url + "' is not a git URL (use https://..., ssh://..., git@host:path,"
                    + " file:///... or an absolute path)");
        }
        if (scheme != null && !"file".equalsIgnoreCase(scheme) && (uri.getHost() == null || uri.getHost().isEmpty())) {
            return Optional.of("repoUrl '" + url + "' names no host");
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) {
            return Optional.of("repoUrl '" + url + "' names no repository path");
        }
        return Optional.empty();
    }

    /** True for URLs that go over http(s), where a configured token is sent. */
    public static boolean isHttp(String url) {
        String lower = url.toLowerCase();
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
