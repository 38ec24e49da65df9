package io.simswarm.results.upload;

import io.simswarm.commons.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an upload's tar.gz while it streams in: every entry must be a regular file or a folder with a relative
 * path that stays inside the result directory (no {@code ..}, no absolute paths, no links or devices). The gzip
 * body and the unpacked bytes are both counted against the size limit, so a gzip bomb stops early; the number of
 * files and folders is limited per run. Any violation throws {@link ApiException} (400) or
 * {@link UploadTooLargeException}; the caller discards the folder.
 *
 * <p>The files of run {@code N} land in {@code into/N/}. For a single upload the archive root is the run's folder;
 * for a group upload the top level holds only folders named by the group's run numbers, one for each run.
 */
final class ArchiveUnpacker {

    private final long maxBytes;
    private final int maxEntries;
    private final LongConsumer unpacked;

    ArchiveUnpacker(long maxBytes, int maxEntries) {
        this(maxBytes, maxEntries, n -> { });
    }

    /** An unpacker that also hands every count of unpacked bytes to {@code unpacked}, which may throw to stop it. */
    ArchiveUnpacker(long maxBytes, int maxEntries, LongConsumer unpacked) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.unpacked = unpacked;
    }

    /** The files of every run of the group by run number (ascending), each list sorted by path. */
    Map<Integer, List<StoredFile>> unpack(InputStream body, Path into, RunGroup group) throws IOException {
        InputStream gzip = gunzip(new LimitedInputStream(body, maxBytes, "compressed"));
        TarArchiveInputStream tar = new TarArchiveInputStream(new LimitedInputStream(gzip, maxBytes, "unpacked",
                unpacked));
        Map<Integer, RunFolder> folders = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        TarArchiveEntry entry;
        while ((entry = nextEntry(tar)) != null) {
            String path = checkedPath(entry);
            if (path == null) {
                continue;
            }
            if (!seen.add(path)) {
                throw ApiException.badRequest("The archive holds '" + path + "' twice.");
            }
            int run = runOf(path, entry.isDirectory(), group);
            RunFolder folder = folders.computeIfAbsent(run, r -> new RunFolder(into.resolve(Integer.toString(r))));
            String inRun = group.rootIsRun() ? path : pathInRunFolder(path);
            if (inRun == null) {
                Files.createDirectories(folder.path);
                continue;
            }
            if (++folder.entries > maxEntries) {
                throw ApiException.badRequest((group.rootIsRun() ? "The archive" : "The folder of run " + run)
                        + " holds more than " + maxEntries + " files and folders.");
            }
            if (entry.isDirectory()) {
                createFolder(folder.path, inRun, path);
            } else {
                folder.files.add(write(tar, folder.path, inRun, path, modificationTime(entry)));
            }
        }
        return filesOfEveryRun(folders, group);
    }

    /** The run an entry belongs to: the only one of a single upload, else the one its top-level folder names. */
    private static int runOf(String path, boolean directory, RunGroup group) {
        if (group.rootIsRun()) {
            return group.runs().get(0);
        }
        int slash = path.indexOf('/');
        String top = slash < 0 ? path : path.substring(0, slash);
        int run = RunNumbers.parse(top);
        if (run < 0 || (slash < 0 && !directory)) {
            throw ApiException.badRequest("The archive entry '" + top + "' is not a run folder: the top level of a "
                    + "group upload holds only folders named by run numbers (decimal, no sign or leading zeros).");
        }
        if (!group.holds(run)) {
            throw ApiException.badRequest("The archive holds a folder for run " + run
                    + ", but the Authorization header has no token for run " + run + ".");
        }
        return run;
    }

    /** The path of a group entry inside its run folder; null for the run folder itself. */
    private static String pathInRunFolder(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? null : path.substring(slash + 1);
    }

    private static Map<Integer, List<StoredFile>> filesOfEveryRun(Map<Integer, RunFolder> folders, RunGroup group) {
        Map<Integer, List<StoredFile>> files = new TreeMap<>();
        for (int run : group.runs()) {
            RunFolder folder = folders.get(run);
            if (folder == null && !group.rootIsRun()) {
                throw ApiException.badRequest("The archive holds no folder for run " + run
                        + ", which the Authorization header names.");
            }
            if (folder == null || folder.files.isEmpty()) {
                throw ApiException.badRequest(group.rootIsRun() ? "The archive holds no file."
                        : "The folder of run " + run + " holds no file.");
            }
            folder.files.sort((a, b) -> a.name().compareTo(b.name()));
            files.put(run, folder.files);
        }
        return files;
    }

    /** What one run's folder holds so far. */
    private static final class RunFolder {
        private final Path path;
        private final List<StoredFile> files = new ArrayList<>();
        private int entries;

        RunFolder(Path path) {
            this.path = path;
        }
    }

    private static InputStream gunzip(InputStream in) {
        try {
            return new GzipCompressorInputStream(in, true);
        } catch (IOException e) {
            throw ApiException.badRequest("The body is not a gzip-compressed tar archive: " + reason(e) + ".");
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("The body is not a valid gzip-compressed tar archive: " + reason(e) + ".");
        }
    }

    /** The entry's normalised relative path; null for the archive's root folder. */
    static String checkedPath(TarArchiveEntry entry) {
        String name = entry.getName();
        if (name.startsWith("/")) {
            throw ApiException.badRequest("The archive entry '" + name
                    + "' has an absolute path; only paths inside the result directory are accepted.");
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw ApiException.badRequest("The archive entry '" + name
                    + "' is a link; only regular files and folders are accepted.");
        }
        byte type = entry.getLinkFlag();
        boolean regular = type == TarArchiveEntry.LF_NORMAL || type == TarArchiveEntry.LF_OLDNORM
                || type == TarArchiveEntry.LF_CONTIG;
        if (!entry.isDirectory() && (!regular || name.endsWith("/"))) {
            throw ApiException.badRequest("The archive entry '" + name
                    + "' is not a regular file or folder (device, pipe or other special entry).");
        }
        if (name.indexOf('\0') >= 0) {
            throw ApiException.badRequest("An archive entry name contains a NUL character.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw ApiException.badRequest("The archive entry '" + name
                        + "' leaves the result directory ('..' is not accepted).");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static void createFolder(Path into, String path, String archivePath) throws IOException {
        try {
            Files.createDirectories(into.resolve(path));
        } catch (FileAlreadyExistsException e) {
            throw ApiException.badRequest("The archive holds '" + archivePath + "' both as a file and as a folder.");
        }
    }

    /** The entry's modification time, null when the archive says none (0, the epoch). */
    private static java.time.Instant modificationTime(TarArchiveEntry entry) {
        java.nio.file.attribute.FileTime time = entry.getLastModifiedTime();
        return time == null || time.toMillis() <= 0 ? null : time.toInstant();
    }

    private static StoredFile write(InputStream tar, Path into, String path, String archivePath,
            java.time.Instant modifiedAt) throws IOException {
        Path target = into.resolve(path);
        MessageDigest sha256 = sha256();
        long size = 0;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = readEntry(tar, buffer)) > 0) {
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw ApiException.badRequest("The archive holds '" + archivePath + "' both as a file and as a folder.");
        }
        if (modifiedAt != null) {
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(modifiedAt));
        }
        return new StoredFile(path, size, HexFormat.of().formatHex(sha256.digest()), modifiedAt);
    }

    private static int readEntry(InputStream tar, byte[] buffer) {
        try {
            return tar.read(buffer);
        } catch (IOException e) {
            throw ApiException.badRequest("The archive is truncated or corrupt: " + reason(e) + ".");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof java.io.EOFException ? "it ends too early" : "it cannot be read";
        }
        return message.strip().replaceAll("\\.$", "");
    }
}
