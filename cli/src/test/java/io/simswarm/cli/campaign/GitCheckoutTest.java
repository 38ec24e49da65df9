package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutTest {

    @TempDir
    Path repo;

    private String head;

    @BeforeEach
    void createRepository() throws Exception {
        Files.createDirectories(repo.resolve("sims/queue"));
        Files.writeString(repo.resolve("sims/queue/omnetpp.ini"), "[General]\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        git("tag", "v1");
        head = git("rev-parse", "HEAD");
    }

    @Test
    void usesTheTopFolderHeadCommitAndTheFolderInsideIt() {
        GitCheckout checkout = GitCheckout.of(repo.resolve("sims/queue"), null);

        assertThat(checkout.commit()).isEqualTo(head).hasSize(40);
        assertThat(checkout.workdir()).isEqualTo("sims/queue");
        assertThat(checkout.repoUrl()).startsWith("file:/").endsWith("/");
        assertThat(checkout.dirty()).isFalse();
    }

    @Test
    void resolvesTagsToTheirCommitAndTheRootToDot() {
        GitCheckout checkout = GitCheckout.of(repo, "v1");

        assertThat(checkout.commit()).isEqualTo(head);
        assertThat(checkout.workdir()).isEqualTo(".");
    }

    @Test
    void noticesUncommittedChanges() throws IOException {
        Files.writeString(repo.resolve("sims/queue/omnetpp.ini"), "[General]\nrepeat = 2\n");

        assertThat(GitCheckout.of(repo, null).dirty()).isTrue();
    }

    @Test
    void unknownRefIsAClearError() {
        assertThatThrownBy(() -> GitCheckout.of(repo, "no-such-branch"))
                .isInstanceOf(CliException.class)
                .hasMessage("'no-such-branch' is not a commit, branch or tag of the repository at "
                        + repo.toAbsolutePath().normalize());
    }

    @Test
    void folderOutsideAnyRepositoryIsAClearError(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> GitCheckout.of(elsewhere, null))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("is not inside a git repository");
    }

    private String git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as("git %s: %s", arguments, output).isZero();
        return output;
    }
}
