package io.simswarm.imagebuild.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /builds}: only {@code repoUrl} is required. */
@Schema(description = "What to build; every field but repoUrl has a default")
public record BuildRequest(
        @Schema(description = "Any git URL JGit can clone: https://, ssh://, git@host:path, file:///...",
                required = true, examples = "file:///srv/git/queueing.git")
        String repoUrl,
        @Schema(description = "Branch, tag or commit sha; the default branch when absent", examples = "main")
        String ref,
        @Schema(description = "Folder of the repository where the build command runs, relative to its root",
                defaultValue = ".")
        String workdir,
        @Schema(description = "Image to build on (simswarm.build.default-base-image when absent)",
                examples = "simswarm/toolchain:bookworm")
        String baseImage,
        @Schema(description = "Shell command that compiles the project (simswarm.build.default-build-command when"
                + " absent, which fits INET)", examples = "make")
        String buildCommand,
        @Schema(description = "Docker endpoint to build on, unix:// or tcp:// (the cluster's when a cluster is named,"
                + " else simswarm.build.docker-host)")
        String dockerHost,
        @Schema(description = "Registry (host:port) to push the image to, for multi-node swarms (the cluster's when"
                + " a cluster is named)", examples = "127.0.0.1:5050")
        String registry,
        @Schema(description = "Cluster to build on: without dockerHost its endpoint, TLS need and registry are looked"
                + " up at the provisioner", examples = "inet")
        String cluster,
        @Schema(description = "True when dockerHost needs the named cluster's client certificates, which the build"
                + " service fetches from the provisioner", defaultValue = "false")
        Boolean dockerTls) {
}
