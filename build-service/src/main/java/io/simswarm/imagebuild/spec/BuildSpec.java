package io.simswarm.imagebuild.spec;

import io.simswarm.imagebuild.docker.EngineTarget;

/**
 * What to build, with every default already applied.
 *
 * @param repoUrl      git URL
 * @param ref          branch, tag or commit; null for the default branch
 * @param workdir      relative folder of the repository where the build command runs ("." for the root)
 * @param baseImage    image to build on
 * @param buildCommand shell command that compiles the project
 * @param dockerHost   Docker endpoint the image is built on
 * @param registry     registry (host:port) the image is pushed to; null for none
 * @param cluster      the cluster the endpoint belongs to; null when the request named none
 * @param dockerTls    true when the endpoint needs the cluster's client certificates (from the provisioner)
 */
public record BuildSpec(
        String repoUrl,
        String ref,
        String workdir,
        String baseImage,
        String buildCommand,
        String dockerHost,
        String registry,
        String cluster,
        boolean dockerTls) {

    /** Where the project is copied inside every image. */
    public static final String PROJECT_DIR = "/opt/simswarm/project";

    /** The Docker engine the image is built on. */
    public EngineTarget engine() {
        return new EngineTarget(dockerHost, cluster, dockerTls);
    }

    /** The runs' working directory inside the image. */
    public String imageWorkdir() {
        return ".".equals(workdir) ? PROJECT_DIR : PROJECT_DIR + "/" + workdir;
    }

    /** The ref for messages: the requested one or "the default branch". */
    public String refForHumans() {
        return ref == null ? "the default branch" : "'" + ref + "'";
    }
}
