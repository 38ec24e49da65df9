package io.simswarm.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parts of a version-3 {@code .sca} file the end-to-end test compares: its iteration variables and its
 * scalars. Module and scalar names of examples/queueing contain no spaces, so splitting on whitespace suffices.
 */
record ScaFile(Map<String, String> itervars, Map<String, Double> scalars) {

    static ScaFile read(Path file) throws IOException {
        Map<String, String> itervars = new TreeMap<>();
        Map<String, Double> scalars = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens[0].equals("itervar") && tokens.length == 3) {
                itervars.put(tokens[1], tokens[2]);
            } else if (tokens[0].equals("scalar") && tokens.length == 4) {
                scalars.put(tokens[1] + " " + tokens[2], Double.parseDouble(tokens[3]));
            }
        }
        return new ScaFile(itervars, scalars);
    }

    static List<ScaFile> readAll(Path folder) throws IOException {
        List<ScaFile> files = new ArrayList<>();
        try (var paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".sca")).sorted().toList()) {
                files.add(read(path));
            }
        }
        return files;
    }

    /** The parameter combination, as {@code n=1,rho=0.5}: the iteration variables except the repetition. */
    String combination() {
        return itervars.entrySet().stream().filter(e -> !e.getKey().equals("repetition"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
