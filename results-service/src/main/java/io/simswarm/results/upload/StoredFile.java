package io.simswarm.results.upload;

/** A file of a run's upload: path relative to its result directory, size in bytes, SHA-256 as lowercase hex. */
public record StoredFile(String name, long size, String sha256) {
}
