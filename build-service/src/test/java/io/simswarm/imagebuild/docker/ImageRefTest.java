package io.simswarm.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {

    @ParameterizedTest
    @CsvSource({
        "simswarm/build:0123456789abcdef,simswarm/build,0123456789abcdef",
        "127.0.0.1:5050/simswarm/build:abc,127.0.0.1:5050/simswarm/build,abc",
        "127.0.0.1:5050/simswarm/build,127.0.0.1:5050/simswarm/build,latest",
        "busybox,busybox,latest"
    })
    void splitsRepositoryAndTag(String reference, String repository, String tag) {
        assertThat(ImageRef.parse(reference)).isEqualTo(new ImageRef(repository, tag));
    }
}
