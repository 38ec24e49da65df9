package io.simswarm.commons.security;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repository URLs the services fetch: https, ssh (also {@code user@host:path}) and git; local folders
 * ({@code file:} or an absolute path) only where {@code simswarm.repos.allow-file} is on. Credentials never ride in
 * the URL, where every answer, event and log line would show them: the build service sends {@code SIMSWARM_GIT_TOKEN}.
 */
public final class RepoUrls {

    private static final Pattern WITH_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:([^@/:]+)@)?([^@/:]+):(.*)");

    private RepoUrls() {
    }

    /** Why the services will not fetch {@code url}, or empty when they will. */
    public static Optional<String> refusal(String url, boolean fileAllowed) {
        String fileRefused = "repoUrl '" + url + "' is a local folder, which this installation does not build from"
                + " (use https, ssh or git; an operator allows local folders with SIMSWARM_ALLOW_FILE_REPOS=true)";
        if (url.startsWith("-")) {
            return Optional.of(optionLike(url));
        }
        Matcher withScheme = WITH_SCHEME.matcher(url);
        if (withScheme.matches()) {
            String scheme = withScheme.group(1).toLowerCase(Locale.ROOT);
            String authority = withScheme.group(2);
            if (authority.substring(authority.lastIndexOf('@') + 1).startsWith("-")) {
                return Optional.of(optionLike(url));
            }
            if ("file".equals(scheme)) {
                return fileAllowed ? Optional.empty() : Optional.of(fileRefused);
            }
            if (!scheme.equals("https") && !scheme.equals("ssh") && !scheme.equals("git")) {
                return Optional.of("repoUrl '" + redacted(url) + "' uses the unsupported scheme '" + scheme
                        + "' (use https, ssh or git)");
            }
            int at = authority.lastIndexOf('@');
            if (at >= 0 && (!scheme.equals("ssh") || authority.substring(0, at).contains(":"))) {
                return Optional.of(credentials(url));
            }
            return Optional.empty();
        }
        if (url.startsWith("/")) {
            return fileAllowed ? Optional.empty() : Optional.of(fileRefused);
        }
        Matcher scp = SCP_LIKE.matcher(url);
        if (scp.matches() && url.indexOf('@') == url.lastIndexOf('@')) {
            return scp.group(2).startsWith("-") ? Optional.of(optionLike(url)) : Optional.empty();
        }
        if (url.contains("@") && url.indexOf(':') < url.indexOf('@')) {
            return Optional.of(credentials(url));
        }
        return Optional.empty();
    }

    /** {@code url} with any user information replaced by "***", for messages. */
    public static String redacted(String url) {
        Matcher withScheme = WITH_SCHEME.matcher(url);
        if (withScheme.matches() && withScheme.group(2).contains("@")) {
            String authority = withScheme.group(2);
            return withScheme.group(1) + "://***@" + authority.substring(authority.lastIndexOf('@') + 1)
                    + withScheme.group(3);
        }
        return url;
    }

    /** A URL or host starting with a dash, which ssh or git would read as one of their options. */
    private static String optionLike(String url) {
        return "repoUrl '" + redacted(url) + "' starts its address with '-', which git and ssh would take for a command"
                + " option: give the repository's URL (https://, ssh://, git@host:path)";
    }

    private static String credentials(String url) {
        return "repoUrl '" + redacted(url) + "' carries credentials, which would be shown wherever the campaign or"
                + " build is: remove them and give the build service the token as SIMSWARM_GIT_TOKEN";
    }
}
