package io.simswarm.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildKeysTest {

    private static final BuildSpec SPEC = new BuildSpec("file:///r", "main", ".", "base:1", "make", "unix:///d", null);
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void theSameBuildHasTheSameKeysWhateverRefNamedTheCommitAndWhereverItIsPushed() {
        BuildSpec other = new BuildSpec("file:///r", "v1", ".", "base:1", "make", "tcp://other:2375", "r:5000");

        assertThat(BuildKeys.of(other, "sha256:b", "runner", COMMIT)).isEqualTo(BuildKeys.of(SPEC, "sha256:b", "runner",
                COMMIT));
    }

    @Test
    void everyPartOfTheSpecChangesTheKeys() {
        BuildKeys keys = BuildKeys.of(SPEC, "sha256:b", "runner", COMMIT);

        assertThat(keys.tag()).hasSize(16).isHexadecimal();
        assertThat(BuildKeys.of(SPEC, "sha256:rebuilt", "runner", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(SPEC, "sha256:b", "runner-2", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(new BuildSpec("file:///r", null, "sub", "base:1", "make", "unix:///d", null),
                "sha256:b", "runner", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(new BuildSpec("file:///r", null, ".", "base:1", "make -j2", "unix:///d", null),
                "sha256:b", "runner", COMMIT).specHash()).isNotEqualTo(keys.specHash());
        assertThat(BuildKeys.of(new BuildSpec("file:///other", null, ".", "base:1", "make", "unix:///d", null),
                "sha256:b", "runner", COMMIT).cacheKey()).isNotEqualTo(keys.cacheKey());
        assertThat(BuildKeys.of(SPEC, "sha256:b", "runner", COMMIT.replace('0', '1')).cacheKey())
                .isNotEqualTo(keys.cacheKey());
    }
}
