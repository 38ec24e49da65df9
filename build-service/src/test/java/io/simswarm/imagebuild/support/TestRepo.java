package io.simswarm.imagebuild.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A git repository made by a test in a temporary folder, reachable as a file:// URL. */
public final class TestRepo implements AutoCloseable {

    /** Outputs of the example's own build, which stay out of the repository (its .gitignore). */
    private static final Set<String> EXAMPLE_OUTPUTS = Set.of("build", "queueing", "results", "out");
    private static final PersonIdent AUTHOR = new PersonIdent("SimSwarm Test", "test@simswarm.invalid");

    private final Path dir;
    private final Git git;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A repository holding a copy of examples/queueing at its root, one commit on branch main. */
    public static TestRepo queueingExample() {
        TestRepo repo = empty();
        copyTree(examplesQueueing(), repo.dir);
        repo.commitAll("examples/queueing");
        return repo;
    }

    /** A repository with the given files (path → content), one commit on branch main. */
    public static TestRepo withFiles(Map<String, String> files) {
        TestRepo repo = empty();
        repo.commit("first commit", files);
        return repo;
    }

    public static TestRepo empty() {
        try {
            Path dir = Files.createTempDirectory("simswarm-test-repo-");
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new TestRepo(dir, git);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("could not create a test repository", e);
        }
    }

    public static Path examplesQueueing() {
        for (Path candidate : new Path[] {Path.of("../examples/queueing"), Path.of("examples/queueing")}) {
            if (Files.isRegularFile(candidate.resolve("Makefile"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("examples/queueing not found from " + Path.of("").toAbsolutePath());
    }

    public String url() {
        return dir.toUri().toString().replaceFirst("^file:/+", "file:///");
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Writes {@code files} and commits them; returns the new commit's sha. */
    public String commit(String message, Map<String, String> files) {
        files.forEach((name, content) -> {
            try {
                Path file = dir.resolve(name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
                if (name.endsWith(".sh")) {
                    file.toFile().setExecutable(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return commitAll(message);
    }

    public String commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException("commit failed", e);
        }
    }

    public String head() {
        try {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void tag(String name, boolean annotated) {
        try {
            var tag = git.tag().setName(name).setAnnotated(annotated);
            if (annotated) {
                tag.setMessage("tag " + name).setTagger(AUTHOR);
            }
            tag.call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("tag failed", e);
        }
    }

    public void branch(String name) {
        try {
            git.branchCreate().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("branch failed", e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("checkout failed", e);
        }
    }

    @Override
    public void close() {
        git.close();
        delete(dir);
    }

    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(from) && EXAMPLE_OUTPUTS.contains(d.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (!EXAMPLE_OUTPUTS.contains(f.getFileName().toString())) {
                        Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
