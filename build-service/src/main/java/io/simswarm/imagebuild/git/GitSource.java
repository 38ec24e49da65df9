package io.simswarm.imagebuild.git;

import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.job.BuildFailure;
import io.simswarm.imagebuild.log.LogSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Reads git repositories with JGit: resolves a branch, tag or sha to the full commit sha from the remote's
 * advertised refs, and checks a commit out into a temporary folder (fetching only that ref, one commit deep,
 * where the commit is a ref's tip), with its submodules.
 */
@ApplicationScoped
public class GitSource {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern SHORT_SHA = Pattern.compile("[0-9a-fA-F]{4,39}");

    private final BuildConfig.Git config;

    public GitSource(BuildConfig config) {
        this.config = config.git();
    }

    /**
     * Resolves {@code ref} (null for the default branch) against the refs {@code url} advertises.
     *
     * @throws BuildFailure when the repository cannot be reached or names no such ref
     */
    public ResolvedRef resolve(String url, String ref, LogSink log) {
        log.line("git: listing the refs of " + url);
        Map<String, Ref> refs = advertisedRefs(url);
        if (ref == null || "HEAD".equals(ref)) {
            Ref head = refs.get("HEAD");
            if (head == null || head.getObjectId() == null) {
                throw new BuildFailure("The git repository " + url + " has no default branch (HEAD); is it empty?");
            }
            String name = head.isSymbolic() ? head.getTarget().getName() : "HEAD";
            return new ResolvedRef(head.getObjectId().name(), name, head.isSymbolic());
        }
        for (String candidate : List.of(ref, "refs/heads/" + ref, "refs/tags/" + ref)) {
            Ref found = refs.get(candidate);
            if (found != null && found.getObjectId() != null) {
                ObjectId id = found.getPeeledObjectId() != null ? found.getPeeledObjectId() : found.getObjectId();
                return new ResolvedRef(id.name(), found.getName(), true);
            }
        }
        if (FULL_SHA.matcher(ref).matches()) {
            return new ResolvedRef(ref.toLowerCase(Locale.ROOT), null, false);
        }
        if (SHORT_SHA.matcher(ref).matches()) {
            return new ResolvedRef(null, null, false);
        }
        throw unknownRef(url, ref);
    }

    /**
     * Checks out the commit {@code resolved} names (or, for an abbreviated sha, {@code ref}) into a new
     * temporary folder, with submodules. The caller closes the result, which deletes the folder.
     *
     * @throws BuildFailure when the commit is not in the repository or fetching fails
     */
    public Checkout checkout(String url, String ref, ResolvedRef resolved, LogSink log) {
        Path dir = createTempDir();
        try {
            Checkout checkout = fetchAndCheckout(url, ref, resolved, dir, log);
            return checkout;
        } catch (RuntimeException e) {
            Checkout.deleteTree(dir);
            throw e;
        }
    }

    private Checkout fetchAndCheckout(String url, String ref, ResolvedRef resolved, Path dir, LogSink log) {
        boolean shallow = resolved.tip() && resolved.fullRef() != null && resolved.fullRef().startsWith("refs/");
        Git git = shallow ? shallowClone(url, resolved, dir, log) : null;
        try {
            if (git == null || git.getRepository().resolve(resolved.commit() + "^{commit}") == null) {
                if (git != null) {
                    log.line("git: " + resolved.fullRef() + " moved since it was resolved; fetching the whole history");
                    git.close();
                    Checkout.deleteTree(dir);
                    createDir(dir);
                }
                git = clone(url, dir, log, null);
            }
            String wanted = resolved.commit() != null ? resolved.commit() : ref;
            ObjectId commit = resolveCommit(git.getRepository(), wanted);
            if (commit == null) {
                throw unknownRef(url, ref);
            }
            git.checkout().setName(commit.name()).call();
            log.line("git: checked out " + commit.name());
            updateSubmodules(git, dir, log);
            return new Checkout(dir, commit.name());
        } catch (GitAPIException | IOException e) {
            throw new BuildFailure("Could not check out " + ref + " of " + url + ": " + message(e), e);
        } finally {
            if (git != null) {
                git.close();
            }
        }
    }

    private Git shallowClone(String url, ResolvedRef resolved, Path dir, LogSink log) {
        log.line("git: fetching " + resolved.fullRef() + " (" + resolved.commit() + ") only, one commit deep");
        try {
            return clone(url, dir, log, resolved.fullRef());
        } catch (BuildFailure e) {
            log.line("git: a shallow fetch did not work (" + e.getMessage() + "); fetching the whole history");
            Checkout.deleteTree(dir);
            createDir(dir);
            return null;
        }
    }

    private Git clone(String url, Path dir, LogSink log, String onlyRef) {
        CloneCommand clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(dir.toFile())
                .setNoCheckout(true)
                .setProgressMonitor(new LogProgressMonitor(log))
                .setTimeout(config.timeoutSeconds())
                .setCredentialsProvider(credentials(url));
        if (onlyRef != null) {
            clone.setBranchesToClone(List.of(onlyRef)).setBranch(onlyRef).setDepth(1);
        } else {
            clone.setCloneAllBranches(true);
        }
        try {
            return clone.call();
        } catch (GitAPIException e) {
            throw new BuildFailure("Could not fetch " + url + ": " + message(e), e);
        }
    }

    private static ObjectId resolveCommit(Repository repository, String rev) throws IOException {
        try {
            return repository.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException | MissingObjectException | IncorrectObjectTypeException e) {
            return null;
        }
    }

    private void updateSubmodules(Git git, Path dir, LogSink log) throws GitAPIException {
        if (!Files.exists(dir.resolve(".gitmodules"))) {
            return;
        }
        var initialized = git.submoduleInit().call();
        log.line("git: updating submodules " + initialized);
        git.submoduleUpdate()
                .setProgressMonitor(new LogProgressMonitor(log))
                .setCredentialsProvider(credentials(git.getRepository().getConfig().getString("remote", "origin", "url")))
                .call();
    }

    private Map<String, Ref> advertisedRefs(String url) {
        try {
            return Git.lsRemoteRepository()
                    .setRemote(url)
                    .setTimeout(config.timeoutSeconds())
                    .setCredentialsProvider(credentials(url))
                    .callAsMap();
        } catch (InvalidRemoteException e) {
            throw new BuildFailure("The git repository " + url + " was not found (" + message(e) + ")", e);
        } catch (TransportException e) {
            if (String.valueOf(e.getMessage()).endsWith("not found.")) {
                throw new BuildFailure("The git repository " + url + " was not found (" + message(e) + ")", e);
            }
            throw new BuildFailure("Could not reach the git repository " + url + ": " + message(e), e);
        } catch (GitAPIException | RuntimeException e) {
            throw new BuildFailure("Could not read the git repository " + url + ": " + message(e), e);
        }
    }

    private CredentialsProvider credentials(String url) {
        if (url == null || config.token().isEmpty() || !GitUrls.isHttp(url)) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider(config.username(), config.token().get());
    }

    private static BuildFailure unknownRef(String url, String ref) {
        return new BuildFailure("The ref '" + ref + "' is neither a branch, a tag nor a commit of " + url);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("simswarm-checkout-");
        } catch (IOException e) {
            throw new BuildFailure("Could not create a temporary folder for the checkout: " + e.getMessage(), e);
        }
    }

    private static void createDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BuildFailure("Could not create a temporary folder for the checkout: " + e.getMessage(), e);
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
