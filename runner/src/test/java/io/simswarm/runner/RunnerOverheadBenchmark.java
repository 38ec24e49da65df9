package io.simswarm.runner;

import io.simswarm.runner.LeaseServer.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Measures what the runner adds to trivial runs on this machine: the same runs of
 * examples/queueing (a) started directly by one shell loop, (b) by one runner in list mode, (c) by
 * one runner in pilot mode, (d) by one runner process per run; uploads go to a local endpoint.
 * Also times one bigger run's packing at two gzip levels. Prints wall time and the CPU time
 * (user + system) of everything the shell started, which is steadier on a busy machine.
 *
 * <pre>mvn -B -ntp -pl runner test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.simswarm.runner.RunnerOverheadBenchmark [-Dexec.args="180 3"]</pre>
 */
public final class RunnerOverheadBenchmark {

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    /** Wall and CPU seconds of one measurement. */
    private record Cost(double wall, double cpu) {
    }

    private RunnerOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path sim = QueueingExample.hostBuild();
        Path tmp = Files.createTempDirectory(TestPaths.work(), "bench");
        String numbers = IntStream.range(0, runs).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String tokens = IntStream.range(0, runs).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        String runner = RunnerProcess.binary().toString();
        System.out.printf("runner overhead, %d runs of Quick (a few ms each), best of %d%n", runs, repeats);
        System.out.printf("  %-26s %8s %9s %16s %16s%n", "", "wall", "runs/s", "wall ms/run", "CPU ms/run");

        Cost direct = best(repeats, () -> measure(sim, Map.of(), "i=0; while [ $i -lt " + runs + " ]; do "
                + "./queueing -u Cmdenv -c Quick -r $i --result-dir " + tmp + "/direct > " + tmp + "/direct.out 2>&1 "
                + "|| exit 1; i=$((i+1)); done"));
        report("direct (one sh loop)", runs, direct, direct);
        try (var uploads = UploadServer.start()) {
            Map<String, String> base = Map.of("SIMSWARM_RUN_COMMAND", "./queueing", "SIMSWARM_CONFIG", "Quick",
                    "SIMSWARM_UPLOAD_URL", uploads.urlTemplate(), "TMPDIR", tmp.toString());
            Cost list = best(repeats, () -> measure(sim, with(base, "SIMSWARM_RUNS", numbers, "SIMSWARM_TOKENS", tokens),
                    runner + " > " + tmp + "/runner.out"));
            report("runner, list mode", runs, list, direct);
            Cost pilot = best(repeats, () -> pilot(sim, tmp, uploads, base, runner, runs));
            report("runner, pilot mode", runs, pilot, direct);
            Cost perRun = best(repeats, () -> measure(sim, base, "i=0; while [ $i -lt " + runs + " ]; do "
                    + "SIMSWARM_RUNS=$i SIMSWARM_TOKENS=t$i " + runner + " > " + tmp + "/runner.out || exit 1; "
                    + "i=$((i+1)); done"));
            report("runner process per run", runs, perRun, direct);

            System.out.println("one MMc run (100 s simulated, about 3 MB of vectors), packed and uploaded:");
            Cost bare = best(repeats, () -> measure(sim, Map.of(), "./queueing -u Cmdenv -c MMc -r 23 --result-dir "
                    + tmp + "/mmc > " + tmp + "/mmc.out 2>&1"));
            System.out.printf("  %-26s %6.0f ms wall %6.0f ms CPU%n", "direct", bare.wall() * 1000, bare.cpu() * 1000);
            for (String level : List.of("1", "6")) {
                Cost c = best(repeats, () -> measure(sim, with(base, "SIMSWARM_CONFIG", "MMc", "SIMSWARM_RUNS", "23",
                        "SIMSWARM_TOKENS", "t", "SIMSWARM_GZIP_LEVEL", level), runner + " > " + tmp + "/runner.out"));
                System.out.printf("  %-26s %6.0f ms wall %6.0f ms CPU  (+%.0f ms CPU, upload %d KB)%n",
                        "runner, gzip level " + level, c.wall() * 1000, c.cpu() * 1000, (c.cpu() - bare.cpu()) * 1000,
                        uploads.uploadOf(23).body().length / 1024);
            }
        }
        QueueingExample.deleteTree(tmp);
    }

    private static Cost pilot(Path sim, Path tmp, UploadServer uploads, Map<String, String> base, String runner,
                              int runs) {
        Grant[] grants = IntStream.range(0, runs).mapToObj(Grant::of).toArray(Grant[]::new);
        try (var scheduler = LeaseServer.start(uploads, grants)) {
            Map<String, String> env = with(base, "SIMSWARM_LEASE_URL", scheduler.url(),
                    "SIMSWARM_LEASE_TOKEN", LeaseServer.TOKEN);
            env.remove("SIMSWARM_UPLOAD_URL");
            return measure(sim, env, runner + " > " + tmp + "/runner.out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** Runs SCRIPT with /bin/sh in DIR; CPU time is what the shell's `times` reports for its children. */
    private static Cost measure(Path dir, Map<String, String> env, String script) {
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script + "\ntimes").directory(dir.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("benchmark step failed: " + output);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<String> lines = output.lines().toList();
            Matcher children = TIMES.matcher(lines.get(lines.size() - 1));
            if (!children.matches()) {
                throw new IllegalStateException("unexpected output of times: " + output);
            }
            double cpu = minutes(children.group(1), children.group(2)) + minutes(children.group(3), children.group(4));
            return new Cost(wall, cpu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double minutes(String minutes, String seconds) {
        return Integer.parseInt(minutes) * 60 + Double.parseDouble(seconds);
    }

    private static Cost best(int repeats, Supplier<Cost> measurement) {
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            Cost c = measurement.get();
            wall = Math.min(wall, c.wall());
            cpu = Math.min(cpu, c.cpu());
        }
        return new Cost(wall, cpu);
    }

    private static void report(String what, int runs, Cost cost, Cost direct) {
        System.out.printf("  %-26s %7.2fs %9.1f %+16.2f %+16.2f%n", what, cost.wall(), runs / cost.wall(),
                (cost.wall() - direct.wall()) * 1000 / runs, (cost.cpu() - direct.cpu()) * 1000 / runs);
    }
}
