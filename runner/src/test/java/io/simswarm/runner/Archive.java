package io.simswarm.runner;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the runner's tar.gz uploads. */
final class Archive {

    private Archive() {
    }

    /** Entry name to content, in archive order; fails on anything but regular files. */
    static Map<String, byte[]> read(byte[] tarGz) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    throw new AssertionError("unexpected non-file entry " + entry.getName());
                }
                entries.put(entry.getName(), tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable tar.gz", e);
        }
        return entries;
    }
}
