package io.simswarm.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes what a user typed (a campaign id, a pattern) for a URL path segment or query value. */
public final class UrlParts {

    private UrlParts() {
    }

    /** {@code value} percent-encoded, spaces as {@code %20}, so that it is valid in a path segment and a query. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
