package io.simswarm.cli.http;

import io.simswarm.cli.CliException;
import io.simswarm.cli.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks a service address as a user wrote it: an http or https URL with a host, nothing after the path. */
final class ServiceUrl {

    private ServiceUrl() {
    }

    /** The address without a trailing slash, or a usage error naming the setting's source and what is wrong. */
    static String check(Service service, Settings.Value value) {
        String text = value.text();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            String where = e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1);
            throw invalid(service, value, lowerFirst(e.getReason()) + where);
        }
        String scheme = uri.getScheme();
        boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        if (!web || uri.isOpaque()) {
            throw invalid(service, value, "it must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            throw invalid(service, value, authority == null || authority.startsWith(":") ? "it names no host"
                    : "'" + authority + "' is not a host name and port (letters, digits, dots and dashes)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(service, value, "it must not have a query or fragment");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static CliException invalid(Service service, Settings.Value value, String reason) {
        return new CliException("the " + service.key() + " service address '" + value.text() + "' from "
                + value.source() + " is not a usable URL: " + reason + " (expected e.g. " + service.defaultUrl() + ")",
                2);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
