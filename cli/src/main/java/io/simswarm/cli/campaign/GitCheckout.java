package io.simswarm.cli.campaign;

import io.simswarm.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git checkout a campaign is submitted from: its top folder (cloned by the build service through a
 * file URL, so commits that were never pushed work), the commit to build and the folder of the
 * simulation inside it. Uses the {@code git} command the user already has.
 */
public record GitCheckout(Path topLevel, String commit, String workdir, boolean dirty) {

    /** Reads the checkout that contains {@code directory}; {@code ref} null means HEAD. */
    public static GitCheckout of(Path directory, String ref) {
        Path folder = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new CliException(Files.exists(folder) ? directory + " is a file, not a folder"
                    : "the folder " + directory + " does not exist", 2);
        }
        String top = git(folder, "rev-parse", "--show-toplevel");
        if (top == null) {
            throw new CliException(folder + " is not inside a git repository; run simswarm in a checkout of the "
                    + "simulation project or pass --repo URL", 2);
        }
        Path topLevel = Path.of(top).toAbsolutePath().normalize();
        String wanted = ref == null ? "HEAD" : ref;
        String commit = git(folder, "rev-parse", "--verify", "--quiet", wanted + "^{commit}");
        if (commit == null) {
            throw new CliException(ref == null
                    ? "the repository at " + topLevel + " has no commit yet; commit the simulation first"
                    : "'" + ref + "' is not a commit, branch or tag of the repository at " + topLevel, 2);
        }
        String status = git(folder, "status", "--porcelain", "--untracked-files=no");
        String workdir = topLevel.relativize(realPath(folder, topLevel)).toString();
        return new GitCheckout(topLevel, commit, workdir.isEmpty() ? "." : workdir,
                status != null && !status.isBlank());
    }

    /** The URL the build service clones: a file URL of the top folder. */
    public String repoUrl() {
        return topLevel.toUri().toString();
    }

    private static Path realPath(Path folder, Path topLevel) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return topLevel;
        }
    }

    /** Runs git in {@code folder}; its trimmed output, or null when it fails. */
    private static String git(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            throw new CliException("cannot run git (" + e.getMessage() + "); install git or pass --repo URL", 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
    }
}
