package io.simswarm.imagebuild.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildKeysTest {

    private static final BuildSpec SPEC = new BuildSpec("file:///r", "main", ".", "base:1", "make", "unix:///d", null,
            null, false);

    private static BuildSpec local(String repoUrl, String workdir, String buildCommand) {
        return new BuildSpec(repoUrl, null, workdir, "base:1", buildCommand, "unix:///d", null, null, false);
    }
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void theSameBuildHasTheSameKeysWhateverRefNamedTheCommitAndWhereverItIsPushed() {
        BuildSpec other = new BuildSpec("file:///r", "v1", ".", "base:1", "make", "tcp://other:2375", "r:5000",
                "other", true);

        assertThat(BuildKeys.of(other, "sha256:b", "runner", COMMIT)).isEqualTo(BuildKeys.of(SPEC, "sha256:b", "runner",
                COMMIT));
    }

    @Test
    void everyPartOfTheSpecChangesTheKeys() {
        BuildKeys keys = BuildKeys.of(SPEC, "sha256:b", "runner", COMMIT);

        assertThat(keys.tag()).hasSize(16).isHexadecimal();
        assertThat(BuildKeys.of(SPEC, "sha256:rebuilt", "runner", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(SPEC, "sha256:b", "runner-2", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(local("file:///r", "sub", "make"), "sha256:b", "runner", COMMIT).specHash())
                .isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(local("file:///r", ".", "make -j2"), "sha256:b", "runner", COMMIT).specHash())
                .isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(local("file:///other", ".", "make"), "sha256:b", "runner", COMMIT).cacheKey())
                .isNotEqualTo(keys.cacheKey());
        assertThat(BuildKeys.of(SPEC, "sha256:b", "runner", COMMIT.replace('0', '1')).cacheKey())
                .isNotEqualTo(keys.cacheKey());
    }
}
