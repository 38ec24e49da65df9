package io.simswarm.imagebuild.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.imagebuild.job.BuildFailure;
import io.simswarm.imagebuild.log.LogSink;
import io.simswarm.imagebuild.support.TestConfig;
import io.simswarm.imagebuild.support.TestRepo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitSourceTest {

    private final GitSource git = new GitSource(new TestConfig());
    private final List<String> lines = new ArrayList<>();
    private final LogSink log = new LogSink() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public List<String> tail(int n) {
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
    };

    private TestRepo repo;
    private String first;
    private String second;

    @BeforeEach
    void twoCommitsOnMainATagAndABranch() {
        repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\techo one\n"));
        first = repo.head();
        repo.tag("v1", true);
        repo.tag("light", false);
        second = repo.commit("second", Map.of("sub/dir/file.txt", "two\n"));
        repo.branch("feature");
    }

    @AfterEach
    void deleteTheRepository() {
        repo.close();
    }

    @Test
    void resolvesTheDefaultBranchBranchesAndTagsToFullShas() {
        assertThat(git.resolve(repo.url(), null, log)).isEqualTo(new ResolvedRef(second, "refs/heads/main", true));
        assertThat(git.resolve(repo.url(), "HEAD", log).commit()).isEqualTo(second);
        assertThat(git.resolve(repo.url(), "feature", log)).isEqualTo(new ResolvedRef(second, "refs/heads/feature", true));
        assertThat(git.resolve(repo.url(), "v1", log)).isEqualTo(new ResolvedRef(first, "refs/tags/v1", true));
        assertThat(git.resolve(repo.url(), "light", log).commit()).isEqualTo(first);
        assertThat(git.resolve(repo.url(), "refs/tags/v1", log).commit()).isEqualTo(first);
        assertThat(git.resolve(repo.url(), first.toUpperCase(), log)).isEqualTo(new ResolvedRef(first, null, false));
        assertThat(git.resolve(repo.url(), first.substring(0, 7), log)).isEqualTo(new ResolvedRef(null, null, false));
    }

    @Test
    void rejectsARefTheRepositoryDoesNotHave() {
        assertThatThrownBy(() -> git.resolve(repo.url(), "no-such-branch", log))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("The ref 'no-such-branch' is neither a branch, a tag nor a commit of " + repo.url());
    }

    @Test
    void namesARepositoryThatIsNotThere() {
        assertThatThrownBy(() -> git.resolve("file:///nonexistent/simswarm/repo.git", null, log))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("file:///nonexistent/simswarm/repo.git")
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> git.resolve("https://127.0.0.1:9/nothing.git", null, log))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("Could not reach the git repository https://127.0.0.1:9/nothing.git");
    }

    @Test
    void checksOutABranchTipOneCommitDeep() throws Exception {
        ResolvedRef resolved = git.resolve(repo.url(), "main", log);
        try (Checkout checkout = git.checkout(repo.url(), "main", resolved, log)) {
            assertThat(checkout.commit()).isEqualTo(second);
            assertThat(checkout.dir().resolve("sub/dir/file.txt")).hasContent("two");
            assertThat(checkout.dir().resolve(".git/shallow")).exists();
            try (Git clone = Git.open(checkout.dir().toFile())) {
                assertThat(clone.log().call()).hasSize(1);
            }
        }
    }

    @Test
    void checksOutAnOlderCommitByShaOrAbbreviatedSha() {
        for (String ref : List.of(first, first.substring(0, 8))) {
            ResolvedRef resolved = git.resolve(repo.url(), ref, log);
            try (Checkout checkout = git.checkout(repo.url(), ref, resolved, log)) {
                assertThat(checkout.commit()).isEqualTo(first);
                assertThat(checkout.dir().resolve("Makefile")).exists();
                assertThat(checkout.dir().resolve("sub")).doesNotExist();
            }
        }
    }

    @Test
    void rejectsAShaTheRepositoryDoesNotHaveAndLeavesNoFolderBehind() throws Exception {
        String unknown = "0123456789abcdef0123456789abcdef01234567";
        long before = checkoutFolders();
        ResolvedRef resolved = git.resolve(repo.url(), unknown, log);

        assertThatThrownBy(() -> git.checkout(repo.url(), unknown, resolved, log))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("The ref '" + unknown + "' is neither a branch, a tag nor a commit");
        assertThat(checkoutFolders()).isEqualTo(before);
    }

    @Test
    void checksOutSubmodules() throws Exception {
        try (TestRepo library = TestRepo.withFiles(Map.of("lib.h", "#define LIB 1\n"))) {
            try (Git parent = Git.open(repo.dir().toFile())) {
                parent.submoduleAdd().setPath("extern/lib").setURI(library.url()).call().close();
            }
            String withSubmodule = repo.commitAll("add a submodule");
            ResolvedRef resolved = git.resolve(repo.url(), null, log);
            try (Checkout checkout = git.checkout(repo.url(), null, resolved, log)) {
                assertThat(checkout.commit()).isEqualTo(withSubmodule);
                assertThat(checkout.dir().resolve("extern/lib/lib.h")).hasContent("#define LIB 1");
            }
        }
    }

    @Test
    void deletesTheCheckoutWhenClosed() {
        ResolvedRef resolved = git.resolve(repo.url(), null, log);
        Checkout checkout = git.checkout(repo.url(), null, resolved, log);
        checkout.close();

        assertThat(checkout.dir()).doesNotExist();
    }

    private static long checkoutFolders() throws Exception {
        try (var paths = Files.list(Files.createTempFile("probe", "").getParent())) {
            return paths.filter(p -> p.getFileName().toString().startsWith("simswarm-checkout-")).count();
        }
    }
}
