package io.simswarm.imagebuild.support;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A base image holding nothing but {@code /bin/sh}: this machine's shell and the libraries it loads (as {@code ldd}
 * lists them), built {@code FROM scratch}. Enough for the build service's Dockerfile, whose only RUN step is
 * {@code /bin/sh -c COMMAND}, on an engine that has no image and cannot pull one.
 */
public final class ShellImage {

    public static final String NAME = "simswarm-test/sh:1";

    private static final Pattern LIBRARY = Pattern.compile("(/\\S+) \\(0x[0-9a-f]+\\)");

    private ShellImage() {
    }

    /** Builds the image on the engine of {@code docker} as {@link #NAME}. */
    public static void buildOn(DockerClient docker) {
        docker.buildImageCmd(new ByteArrayInputStream(buildContext())).withTags(Set.of(NAME)).withPull(false)
                .start().awaitImageId(2, TimeUnit.MINUTES);
    }

    /** A Dockerfile that copies the folder {@code rootfs} into an empty image, and that folder. */
    private static byte[] buildContext() {
        try {
            Path shell = Path.of("/bin/sh").toRealPath();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                byte[] dockerfile = "FROM scratch\nCOPY rootfs/ /\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
                entry.setSize(dockerfile.length);
                tar.putArchiveEntry(entry);
                tar.write(dockerfile);
                tar.closeArchiveEntry();
                Set<String> folders = new LinkedHashSet<>();
                addFile(tar, folders, "rootfs/bin/sh", shell);
                for (Path library : libraries(shell)) {
                    addFile(tar, folders, "rootfs" + library, library.toRealPath());
                }
                addFolder(tar, "rootfs/tmp/", 01777);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack /bin/sh into an image", e);
        }
    }

    private static void addFile(TarArchiveOutputStream tar, Set<String> folders, String name, Path file)
            throws IOException {
        Path parent = Path.of(name).getParent();
        List<String> missing = new ArrayList<>();
        for (Path folder = parent; folder != null; folder = folder.getParent()) {
            if (folders.add(folder + "/")) {
                missing.add(0, folder + "/");
            }
        }
        for (String folder : missing) {
            addFolder(tar, folder, 0755);
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setMode(0755);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private static void addFolder(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040000 | mode);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** The shared libraries {@code program} loads, the dynamic loader among them. */
    private static List<Path> libraries(Path program) throws IOException {
        Process ldd = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!ldd.waitFor(30, TimeUnit.SECONDS) || ldd.exitValue() != 0) {
                throw new IOException("ldd " + program + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ldd", e);
        }
        List<Path> libraries = new ArrayList<>();
        Matcher matcher = LIBRARY.matcher(output);
        while (matcher.find()) {
            libraries.add(Path.of(matcher.group(1)));
        }
        return libraries;
    }
}
