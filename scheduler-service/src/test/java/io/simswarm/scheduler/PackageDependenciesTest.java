package io.simswarm.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's packages import in one direction only, along the layers docs/architecture.md draws: a package may
 * import packages of lower layers, never one of its own layer or above, so no cycle can form. The graph is read from
 * the sources' import lines.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.simswarm.scheduler";
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "simswarm", "scheduler");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?" + Pattern.quote(ROOT) + "\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

    /** The layers, lowest first; the same picture as in docs/architecture.md. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("config", "tx"),
            Set.of("cluster", "results"),
            Set.of("docker", "run"),
            Set.of("point"),
            Set.of("campaign"),
            Set.of("browse", "campaign.messaging", "expansion", "lease"),
            Set.of("dispatch"));

    @Test
    void everyPackageImportsOnlyFromLowerLayers() throws IOException {
        Map<String, Set<String>> imports = importGraph();
        assertThat(imports.keySet()).as("every package has a layer").allSatisfy(p -> assertThat(layer(p))
                .as(p).isNotNegative());
        List<String> upward = new ArrayList<>();
        imports.forEach((from, targets) -> targets.forEach(to -> {
            if (layer(to) >= layer(from)) {
                upward.add(from + " -> " + to);
            }
        }));
        assertThat(upward).as("imports of a package of the same or a higher layer").isEmpty();
    }

    @Test
    void theGraphIsReadFromTheSources() throws IOException {
        Map<String, Set<String>> imports = importGraph();
        assertThat(imports.get("dispatch")).contains("campaign", "lease", "docker", "run");
        assertThat(imports.get("campaign")).contains("run").doesNotContain("dispatch", "expansion", "lease");
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** Package (relative to {@link #ROOT}) → the other scheduler packages its sources import. */
    private static Map<String, Set<String>> importGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> targets = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }
}
