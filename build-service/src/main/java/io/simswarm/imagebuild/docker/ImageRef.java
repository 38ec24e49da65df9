package io.simswarm.imagebuild.docker;

import java.util.regex.Pattern;

/** An image reference split into repository and tag ({@code simswarm/build:0123abcd} → simswarm/build, 0123abcd). */
public record ImageRef(String repository, String tag) {

    /** The longest image reference Docker takes (its limit for a repository name). */
    public static final int MAX_LENGTH = 255;

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    /** Docker's grammar of a reference: [registry[:port]/]path[:tag][@digest]. */
    private static final Pattern REFERENCE = Pattern.compile("(?:[A-Za-z0-9.-]+(?::[0-9]{1,5})?/)?" + COMPONENT
            + "(?:/" + COMPONENT + ")*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?");

    /** True when {@code reference} is an image reference Docker accepts, such as {@code debian:bookworm}. */
    public static boolean isValid(String reference) {
        return reference.length() <= MAX_LENGTH && REFERENCE.matcher(reference).matches();
    }

    public static ImageRef parse(String reference) {
        int colon = reference.lastIndexOf(':');
        int slash = reference.lastIndexOf('/');
        if (colon > slash) {
            return new ImageRef(reference.substring(0, colon), reference.substring(colon + 1));
        }
        return new ImageRef(reference, "latest");
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
