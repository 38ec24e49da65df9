package io.simswarm.imagebuild.docker;

/** An image reference split into repository and tag ({@code simswarm/build:0123abcd} → simswarm/build, 0123abcd). */
public record ImageRef(String repository, String tag) {

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
