package io.simswarm.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which repository URLs the services fetch, and the sentence for each they refuse. */
class RepoUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/sim.git", "ssh://git@host:22/org/sim.git", "git@github.com:org/sim",
            "git://host/sim.git", "file:///srv/git/sim.git", "/srv/git/sim.git"})
    void fetchesGitUrls(String url) {
        assertThat(RepoUrls.refusal(url, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--upload-pack=touch /tmp/x|starts its address with '-'",
        "-oProxyCommand=evil:org/sim|starts its address with '-'",
        "ssh://-oProxyCommand=evil/org/sim|starts its address with '-'",
        "git@-oProxyCommand=evil:org/sim|starts its address with '-'",
        "ftp://host/sim.git|uses the unsupported scheme 'ftp'",
        "https://alice:secret@github.com/org/sim.git|carries credentials",
        "file:///srv/git/sim.git|is a local folder"
    })
    void refusesWithASentence(String url, String sentence) {
        assertThat(RepoUrls.refusal(url, false)).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains(sentence).doesNotContain("secret"));
    }
}
