package io.simswarm.imagebuild.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes that identify an image: the spec hash covers how the project is built (base image name and id,
 * build command, workdir, runner); the cache key adds what is built (repository URL and commit). The image tag
 * is the first 16 hex digits of the cache key.
 */
public record BuildKeys(String specHash, String cacheKey) {

    /** Bumped when the generated Dockerfile changes in a way that makes older images unfit. */
    static final String LAYOUT_VERSION = "image-layout-2";

    public static BuildKeys of(BuildSpec spec, String baseImageId, String runnerDigest, String commit) {
        String specHash = sha256(LAYOUT_VERSION, spec.baseImage(), baseImageId, spec.buildCommand(), spec.workdir(),
                runnerDigest);
        return new BuildKeys(specHash, sha256(spec.repoUrl(), commit, specHash));
    }

    public String tag() {
        return cacheKey.substring(0, 16);
    }

    static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
