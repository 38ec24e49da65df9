package io.simswarm.results.campaign;

/** Repository URLs as provenance shows them: never with the user name and password or token of a URL. */
public final class Repositories {

    private Repositories() {
    }

    /**
     * The URL without its user information: {@code https://user:token@host/x.git} becomes
     * {@code https://host/x.git}. scp-like addresses ({@code git@host:x.git}) carry no secret and stay as they are.
     */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? url : url.substring(0, start) + url.substring(at + 1);
    }
}
