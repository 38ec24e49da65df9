package io.simswarm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** examples/queueing, built once per test JVM on the host and once inside the toolchain image. */
final class QueueingExample {

    private static Path hostBuild;
    private static Path dockerBuild;

    private QueueingExample() {
    }

    /** A directory holding ./queueing and omnetpp.ini, built with the host's make and g++. */
    static synchronized Path hostBuild() {
        if (hostBuild == null) {
            Path dir = copySources("queueing-host");
            Exec.run(dir, List.of("make", "-j2")).orFail("make of examples/queueing on the host");
            hostBuild = dir;
        }
        return hostBuild;
    }

    /** A directory holding ./queueing and omnetpp.ini, built by make inside the toolchain image. */
    static synchronized Path dockerBuild() {
        if (dockerBuild == null) {
            Path dir = copySources("queueing-docker");
            Docker.run(List.of("-v", dir + ":/sim", "-w", "/sim"), "make", "-j2")
                    .orFail("make of examples/queueing in " + Docker.TOOLCHAIN_IMAGE);
            dockerBuild = dir;
        }
        return dockerBuild;
    }

    /**
     * The entry names a runner upload of this run must have: the files the program writes when
     * run directly with the same arguments, plus the .out named after the .sca and the runner's
     * simswarm-run.json (the run's provenance).
     */
    static Set<String> expectedEntries(String config, int run, String... simArgs) {
        Path build = hostBuild();
        try {
            Path results = Files.createTempDirectory(TestPaths.work(), "direct-run");
            List<String> command = new ArrayList<>(List.of("./queueing", "-u", "Cmdenv", "-c", config, "-r",
                    Integer.toString(run), "--result-dir", results.toString()));
            command.addAll(List.of(simArgs));
            Exec.run(build, command).orFail("a direct run of " + config + " #" + run);
            Set<String> names = new TreeSet<>();
            try (Stream<Path> files = Files.list(results)) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
            String sca = names.stream().filter(n -> n.endsWith(".sca")).findFirst()
                    .orElseThrow(() -> new AssertionError("the direct run wrote no .sca"));
            names.add(sca.substring(0, sca.length() - 4) + ".out");
            names.add("simswarm-run.json");
            deleteTree(results);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copySources(String name) {
        Path source = TestPaths.examples().resolve("queueing");
        Path target = TestPaths.work().resolve(name);
        try {
            deleteTree(target);
            Files.createDirectories(target.resolve("src"));
            Files.copy(source.resolve("Makefile"), target.resolve("Makefile"));
            Files.copy(source.resolve("omnetpp.ini"), target.resolve("omnetpp.ini"));
            try (Stream<Path> files = Files.list(source.resolve("src"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve("src").resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
