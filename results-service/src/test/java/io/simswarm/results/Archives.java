package io.simswarm.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds tar.gz bodies for upload tests, the way the runner packs a result directory. */
public final class Archives {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, TarArchiveEntry> special = new LinkedHashMap<>();
    /** The modification time of entries that are not given one: the same in every archive. */
    public static final java.time.Instant WRITTEN = java.time.Instant.parse("2026-11-25T09:37:03Z");

    private final Map<String, java.time.Instant> modified = new java.util.HashMap<>();

    public static Archives of(Path folder) {
        Archives archives = new Archives();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted()
                    .forEach(p -> archives.file(
                    folder.relativize(p).toString(), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archives;
    }

    /** The bytes of a test file. */
    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Archives file(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    /** A file whose tar entry carries this modification time. */
    public Archives file(String name, byte[] content, java.time.Instant modifiedAt) {
        modified.put(name, modifiedAt);
        return file(name, content);
    }

    public Archives file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the files of {@code content} under {@code folder/}: a run folder of a group upload. */
    public Archives folder(String folder, Archives content) {
        content.files.forEach((name, bytes) -> file(folder + "/" + name, bytes));
        return this;
    }

    public Archives entry(TarArchiveEntry entry) {
        special.put(entry.getName(), entry);
        return this;
    }

    public byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry : special.values()) {
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("./" + file.getKey());
                entry.setSize(file.getValue().length);
                entry.setModTime(
                        java.nio.file.attribute.FileTime.from(modified.getOrDefault(file.getKey(), WRITTEN)));
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] tarGz() {
        return gzip(tar());
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
