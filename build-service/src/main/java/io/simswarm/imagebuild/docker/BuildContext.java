package io.simswarm.imagebuild.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The tar stream Docker builds from: the Dockerfile, the runner binary and the project's files (without git
 * metadata), written file by file so that a large project never sits in memory.
 *
 * @param dockerfile text of the Dockerfile
 * @param project    folder with the checked-out project
 * @param runner     the runner binary, or null when the image gets none
 */
public record BuildContext(String dockerfile, Path project, Path runner) {

    private static final int DIR_MODE = 040755;
    private static final int EXEC_MODE = 0100755;
    private static final int FILE_MODE = 0100644;

    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        addBytes(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
        if (runner != null) {
            addFile(tar, Dockerfile.RUNNER_IN_CONTEXT, runner, EXEC_MODE);
        }
        addTree(tar, Dockerfile.PROJECT_IN_CONTEXT);
        tar.finish();
        tar.flush();
    }

    private void addTree(TarArchiveOutputStream tar, String prefix) throws IOException {
        Files.walkFileTree(project, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (isGitMetadata(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                TarArchiveEntry entry = new TarArchiveEntry(name(prefix, dir) + "/");
                entry.setMode(DIR_MODE);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (isGitMetadata(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry entry = new TarArchiveEntry(name(prefix, file), TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(file).toString());
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile()) {
                    addFile(tar, name(prefix, file), file, Files.isExecutable(file) ? EXEC_MODE : FILE_MODE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The .git folder of the project and the .git files of its submodules stay out of the image. */
    private static boolean isGitMetadata(Path path) {
        return path.getFileName() != null && ".git".equals(path.getFileName().toString());
    }

    private String name(String prefix, Path path) {
        String relative = project.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? prefix : prefix + "/" + relative;
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(FILE_MODE);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void addFile(TarArchiveOutputStream tar, String name, Path file, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(Files.size(file));
        entry.setModTime(Files.getLastModifiedTime(file));
        tar.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
