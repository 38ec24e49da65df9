package io.simswarm.imagebuild.docker;

/** Labels every image the build service makes carries. */
public final class ImageLabels {

    /** The git URL the project was cloned from. */
    public static final String REPO = "io.simswarm.repo";
    /** The full commit sha. */
    public static final String COMMIT = "io.simswarm.commit";
    /** The ref as it was requested (empty for the default branch). */
    public static final String REF = "io.simswarm.ref";
    /** Hash of the build spec (base image, build command, workdir, runner). */
    public static final String SPEC_HASH = "io.simswarm.spec-hash";
    /** The build that made the image. */
    public static final String BUILD_ID = "io.simswarm.imagebuild-id";

    private ImageLabels() {
    }
}
