package io.simswarm.imagebuild.job;

/**
 * How a build ended, as the worker found it.
 *
 * @param image           image reference (registry-qualified when pushed); null on failure
 * @param imageDigest     the image's content digest: the registry's manifest digest when pushed, the engine's image
 *                        id otherwise; null on failure
 * @param baseImageDigest id of the base image it was built on; null on failure
 * @param imageWorkdir    absolute workdir inside the image; null on failure
 * @param cached          true when an existing image was reused
 * @param error           the reason of a failure; null on success
 */
public record BuildOutcome(String image, String imageDigest, String baseImageDigest, String imageWorkdir,
        boolean cached, String error) {

    public static BuildOutcome success(String image, String imageDigest, String baseImageDigest, String imageWorkdir,
            boolean cached) {
        return new BuildOutcome(image, imageDigest, baseImageDigest, imageWorkdir, cached, null);
    }

    public static BuildOutcome failure(String error) {
        return new BuildOutcome(null, null, null, null, false, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
