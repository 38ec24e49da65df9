package io.simswarm.results.storage;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Recursive removal of folders. */
final class Folders {

    private Folders() {
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (NoSuchFileException e) {
                    // removed concurrently: fine
                }
            }
        }
    }

    static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            Log.warnf("could not remove %s: %s", root, e.getMessage());
        }
    }
}
