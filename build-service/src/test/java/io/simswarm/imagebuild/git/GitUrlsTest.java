package io.simswarm.imagebuild.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/inet-framework/inet.git",
        "http://git.example.org:8080/sim/project",
        "ssh://git@gitlab.example.org:2222/group/project.git",
        "git@github.com:inet-framework/inet.git",
        "git://git.example.org/project.git",
        "file:///srv/git/project.git",
        "/srv/git/project"
    })
    void acceptsWhatJGitClones(String url) {
        assertThat(GitUrls.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not a url|contains spaces",
        "htp://example.org/x.git|unsupported scheme 'htp'",
        "relative/path|is not a git URL",
        "https://|names no",
        "https://example.org|names no repository path",
        "ftp://example.org/x.git|unsupported scheme 'ftp'"
    })
    void namesWhatIsWrongWithAMalformedUrl(String url, String problem) {
        assertThat(GitUrls.problem(url)).get().asString().contains(problem);
    }

    @ParameterizedTest
    @CsvSource({"https://h/x,true", "HTTP://h/x,true", "ssh://h/x,false", "file:///x,false"})
    void sendsTokensOnlyOverHttp(String url, boolean http) {
        assertThat(GitUrls.isHttp(url)).isEqualTo(http);
    }
}
