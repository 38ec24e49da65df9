package io.simswarm.results.upload;

import java.time.Instant;

/**
 * A file of a run's upload: path relative to its result directory, size in bytes, SHA-256 as lowercase hex, and
 * the modification time its archive entry carried (null when unknown).
 */
public record StoredFile(String name, long size, String sha256, Instant modifiedAt) {
}
