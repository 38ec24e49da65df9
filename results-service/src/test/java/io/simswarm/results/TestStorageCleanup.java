package io.simswarm.results;

import io.quarkus.runtime.ShutdownEvent;
import io.simswarm.results.config.ResultsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary local store of a test run when the application stops. */
@ApplicationScoped
public class TestStorageCleanup {

    void onStop(@Observes ShutdownEvent event, ResultsConfig config) throws IOException {
        Path dir = config.storage().dir();
        if (!dir.getFileName().toString().startsWith("simswarm-results-test-") || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
