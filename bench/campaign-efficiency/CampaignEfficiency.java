import io.simswarm.events.RunToken;
import io.simswarm.scheduler.support.FixtureImage;
import io.simswarm.scheduler.support.StandIns;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The campaign-efficiency benchmark (see run.sh). Every scenario runs the same list of runs of examples/queueing
 * five ways on the local swarm and prints the wall time of each and its ratio to the xargs -P2 baseline:
 * <ul>
 * <li>{@code pilot}: a campaign submitted to the scheduler (the packaged application, its own process), from
 * submission to SUCCEEDED; the build is answered at once by the build stand-in (the image is built beforehand),
 * so the figure holds expansion, dispatch, every run, its upload and its results-stored event;</li>
 * <li>{@code pilot-dispatch}: the same campaign from its start of dispatch (runs stored) to SUCCEEDED;</li>
 * <li>{@code pilot-leases}: the same campaign from its first lease (workers up) to SUCCEEDED;</li>
 * <li>{@code slot}: one replicated-job with one task per run, the task slot picking the run (runner list mode);</li>
 * <li>{@code packed}: one replicated-job whose tasks run several runs each (runner list mode, groups);</li>
 * <li>{@code xargs} (b): {@code xargs -P2} inside one container of the image, each run being the simulation and
 * a tar.gz of its result folder.</li>
 * </ul>
 * Warm-up campaigns run first, so the figures are those of running services, not of their first minutes; the
 * CPU time each part of the system spent per run of the pilot campaign is printed too.
 */
public class CampaignEfficiency {

    private static final String SECRET = StandIns.SECRET;
    private static final String RUNNER = "/opt/simswarm/bin/simswarm-runner";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Only the baseline and the pilot campaign, not the slot and packed ways (for a quicker look). */
    private static boolean pilotOnly;

    /** One scenario; with {@code ceiling}, the bare simulations are timed too (see {@link #bare}). */
    record Scenario(String name, String config, String simArgs, int parallel, double cpus, boolean ceiling) {
    }

    record Result(String how, double seconds, int runs) {
    }

    private final String image;
    private final CpuMeter cpu;
    private final String resultsUrl;
    private final String schedulerUrl;
    private final String resultsNote;

    CampaignEfficiency(String image, CpuMeter cpu, String resultsUrl, String schedulerUrl, String resultsNote) {
        this.image = image;
        this.cpu = cpu;
        this.resultsUrl = resultsUrl;
        this.schedulerUrl = schedulerUrl;
        this.resultsNote = resultsNote;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        boolean quick = options.containsKey("--quick");
        String repeat2s = quick ? "4" : "20";
        String repeat02s = quick ? "20" : "100";
        String repeatQuick = quick ? "5" : "20";
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("2s", new Scenario("runs of ~2 s", "MM1", "--sim-time-limit=16000s --repeat=" + repeat2s, 2, 1.0,
                false));
        all.put("0.2s", new Scenario("runs of ~0.2 s", "MM1", "--sim-time-limit=1200s --repeat=" + repeat02s, 2,
                1.0, false));
        all.put("trivial", new Scenario("trivial runs (Quick)", "Quick", "--repeat=" + repeatQuick, 8, 0.25, true));
        pilotOnly = options.containsKey("--pilot-only");
        List<Scenario> scenarios = List.of(options.getOrDefault("--scenarios", "2s,0.2s,trivial").split(","))
                .stream().map(all::get).toList();

        StandIns standIns = new StandIns();
        Map<String, String> standInConfig = standIns.start();
        String image = FixtureImage.TAG;
        List<Process> processes = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        // the services must not outlive an interrupted benchmark: they would share its schemas with the next one
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        Path store = null;
        dropSchema();
        try {
            String resultsUrl = standInConfig.get("simswarm.scheduler.task-results-url");
            String resultsNote = "results: upload stand-in (token check, results-stored on Kafka)";
            Path resultsJar = Path.of(options.getOrDefault("--results-jar", "none"));
            if (Files.isRegularFile(resultsJar)) {
                int port = freePort();
                store = Files.createTempDirectory("simswarm-bench-results-");
                Map<String, String> results = new LinkedHashMap<>();
                results.put("quarkus.http.port", String.valueOf(port));
                results.put("mp.messaging.incoming.campaign-events.group.id", "results-bench-" + UUID.randomUUID());
                results.put("quarkus.log.level", "WARN");
                results.put("mp.jwt.verify.publickey.location", Keys.publicKeyFile().toString());
                processes.add(start("results", resultsJar, results, Map.of(
                        "SIMSWARM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/simswarm_test",
                        "SIMSWARM_RESULTS_SCHEMA", "results_bench",
                        "SIMSWARM_RESULTS_DIR", store.toString())));
                pids.put("results", processes.get(processes.size() - 1).pid());
                resultsUrl = "http://127.0.0.1:" + port;
                awaitReady(resultsUrl);
                resultsNote = "results: the real results service (" + resultsJar + ")";
            }
            int schedulerPort = freePort();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("quarkus.http.port", String.valueOf(schedulerPort));
            settings.put("simswarm.scheduler.provisioner-url", standInConfig.get("simswarm.scheduler.provisioner-url"));
            settings.put("simswarm.scheduler.task-results-url", resultsUrl);
            // the stand-ins listen on loopback; the workers share the host's network as the bare runs do
            settings.put("simswarm.scheduler.swarm.network", "host");
            settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/simswarm_test");
            settings.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", "scheduler_bench");
            settings.put("quarkus.flyway.schemas", "scheduler_bench");
            settings.put("quarkus.hibernate-orm.database.default-schema", "scheduler_bench");
            String group = "scheduler-bench-" + UUID.randomUUID();
            settings.put("mp.messaging.incoming.build-results.group.id", group);
            settings.put("mp.messaging.incoming.results-stored.group.id", group);
            settings.put("quarkus.log.level", "WARN");
            settings.put("mp.jwt.verify.publickey.location", Keys.publicKeyFile().toString());
            settings.put("simswarm.repos.allow-file", "true");
            processes.add(start("scheduler", Path.of(options.get("--scheduler-jar")), settings, Map.of()));
            pids.put("scheduler", processes.get(processes.size() - 1).pid());
            String schedulerUrl = "http://127.0.0.1:" + schedulerPort;
            awaitReady(schedulerUrl);

            CpuMeter cpu = new CpuMeter(pids);
            CampaignEfficiency bench = new CampaignEfficiency(image, cpu, resultsUrl, schedulerUrl, resultsNote);
            int warmUps = Integer.parseInt(options.getOrDefault("--warm-up", "15"));
            if (options.containsKey("--scale")) {
                new Scale(bench, pids).run(Integer.parseInt(options.get("--scale")), warmUps);
            } else {
                bench.run(scenarios, warmUps);
            }
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                p.waitFor(30, TimeUnit.SECONDS);
            }
            standIns.stop();
            if (store != null) {
                new ProcessBuilder("rm", "-rf", store.toString()).start().waitFor();
            }
            if (!options.containsKey("--keep")) {
                dropSchema();
            }
        }
    }

    void run(List<Scenario> scenarios, int warmUpRounds) throws Exception {
        System.out.println("SimSwarm campaign efficiency, local one-node swarm, " + Runtime.getRuntime()
                .availableProcessors() + " cores, image " + image);
        System.out.println(resultsNote);
        List<String> summary = new ArrayList<>();
        warmUp(warmUpRounds);
        for (Scenario scenario : scenarios) {
            List<Integer> runs = expand(scenario);
            System.out.printf(Locale.ROOT, "%n== %s: config %s %s, %d runs, %d at a time, %.2f CPU per run%n",
                    scenario.name(), scenario.config(), scenario.simArgs(), runs.size(), scenario.parallel(),
                    scenario.cpus());
            Result baseline = xargs(scenario, runs);
            List<Result> results = new ArrayList<>();
            results.add(baseline);
            List<Result> pilot = pilot(scenario, true);
            results.addAll(pilot);
            Result bare = scenario.ceiling() ? bare(scenario, runs) : null;
            if (bare != null) {
                results.add(bare);
            }
            if (!pilotOnly) {
                results.add(jobs(scenario, runs, "slot", runs.size()));
                results.add(jobs(scenario, runs, "packed", Math.min(runs.size(), 4 * scenario.parallel())));
            }
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "  %-15s %8.2f s   a/b %5.2f   %7.1f runs/s%n", r.how(), r.seconds(),
                        r.seconds() / baseline.seconds(), r.runs() / r.seconds());
            }
            Result full = pilot.get(0);
            summary.add(String.format(Locale.ROOT, "%-22s pilot a/b = %.2f, dispatch rate %.1f runs/s (%.1f runs/s from"
                    + " the first lease)", scenario.name(), full.seconds() / baseline.seconds(),
                    full.runs() / pilot.get(1).seconds(), full.runs() / pilot.get(2).seconds())
                    + (bare == null ? "" : String.format(Locale.ROOT, "; the bare simulations alone: %.1f runs/s",
                            bare.runs() / bare.seconds())));
        }
        System.out.println();
        System.out.println("Summary (a = full campaign through SimSwarm with pilot workers, b = xargs -P2):");
        summary.forEach(System.out::println);
    }

    /**
     * Campaigns of trivial runs until the services are warm: the JIT compilers of freshly started JVMs take much of
     * the two cores for minutes, and a long-running service has long finished compiling its hot paths. Warm means
     * that the compiler threads used less than 10 % of the services' CPU during the last campaign and its rate from
     * the first lease is within 10 % of the one before; at most {@code rounds} campaigns (option --warm-up, 15 by
     * default). Not counted.
     */
    private void warmUp(int rounds) throws Exception {
        Scenario warmUp = new Scenario("warm-up", "Quick", "--repeat=5", 8, 0.25, false);
        double before = 0;
        for (int round = 1; round <= rounds; round++) {
            double compilerBefore = cpu.compilerSeconds();
            double servicesBefore = cpu.serviceSeconds();
            Result leases = pilot(warmUp, false).get(2);
            double compiling = (cpu.compilerSeconds() - compilerBefore) / (cpu.serviceSeconds() - servicesBefore);
            double rate = leases.runs() / leases.seconds();
            System.out.printf(Locale.ROOT, "warm-up %d: %d trivial runs, %.1f runs/s from the first lease, JIT"
                    + " compilers %.0f %% of the services' CPU%n", round, leases.runs(), rate, 100 * compiling);
            if (compiling < 0.10 && before > 0 && Math.abs(rate - before) <= 0.1 * before) {
                return;
            }
            before = rate;
        }
    }

    /** The run numbers, as the image lists them. */
    private List<Integer> expand(Scenario s) throws Exception {
        String out = docker("run", "--rm", "-w", FixtureImage.WORKDIR, image, "/bin/sh", "-c",
                "./queueing -u Cmdenv -c " + s.config() + " " + s.simArgs() + " -s -q runnumbers");
        return List.of(out.strip().split("\\s+")).stream().map(Integer::valueOf).toList();
    }

    /** (b) xargs -P2 in one container: each run is the simulation plus a tar.gz of its result folder. */
    private Result xargs(Scenario s, List<Integer> runs) throws Exception {
        String one = "mkdir -p /tmp/r/$0 && ./queueing -u Cmdenv -c " + s.config() + " -r $0 --result-dir /tmp/r/$0 "
                + s.simArgs() + " > /tmp/r/$0/run.out 2>&1 && tar -czf /tmp/r/$0.tar.gz -C /tmp/r/$0 .";
        return inOneContainer("xargs (b)", runs, "xargs -P2 -n1 sh -c '" + one + "'");
    }

    /**
     * The simulations alone, started by xargs -P2 in one container with nothing kept or packed: what no way of
     * dispatching these runs can beat on this machine.
     */
    private Result bare(Scenario s, List<Integer> runs) throws Exception {
        return inOneContainer("bare sims", runs, "xargs -P2 -n1 ./queueing -u Cmdenv -c " + s.config() + " "
                + s.simArgs() + " --result-dir /tmp/r -r > /dev/null");
    }

    /** Times {@code printf RUNS | XARGS} inside one container of the image. */
    private Result inOneContainer(String how, List<Integer> runs, String xargs) throws Exception {
        String list = runs.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String script = "mkdir -p /tmp/r; start=$(date +%s%N); printf '%s\\n' " + list + " | " + xargs
                + "; rc=$?; end=$(date +%s%N); echo \"$rc $(( (end - start) / 1000000 ))\"";
        String out = docker("run", "--rm", "-w", FixtureImage.WORKDIR, image, "/bin/sh", "-c", script).strip();
        String[] last = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        if (!"0".equals(last[0])) {
            throw new IllegalStateException(how + " failed: " + out);
        }
        return new Result(how, Long.parseLong(last[1]) / 1000.0, runs.size());
    }

    /** (a) A campaign through the scheduler: submit to SUCCEEDED, and its dispatch phase alone. */
    private List<Result> pilot(Scenario s, boolean report) throws Exception {
        String body = String.format(Locale.ROOT, "{\"repoUrl\":\"%squeueing\",\"config\":\"%s\",\"simArgs\":\"%s\","
                + "\"runCommand\":\"./queueing\",\"maxParallel\":%d,\"cpusPerRun\":%s,\"retries\":1}",
                StandIns.REPO, s.config(), s.simArgs(), s.parallel(), s.cpus());
        Map<String, Double> cpuBefore = cpu.seconds();
        Map<String, Double> rolesBefore = cpu.threadRoles();
        Instant submitted = Instant.now();
        String created = post(schedulerUrl + "/campaigns", body);
        String id = field(created, "id");
        String campaign;
        while (true) {
            campaign = get(schedulerUrl + "/campaigns/" + id);
            String status = field(campaign, "status");
            if (!List.of("BUILDING", "EXPANDING", "RUNNING").contains(status)) {
                break;
            }
            Thread.sleep(250); // each look costs the scheduler CPU that the runs would use
        }
        Instant finished = Instant.now();
        Map<String, Double> cpuAfter = cpu.seconds();
        Map<String, Double> rolesAfter = cpu.threadRoles();
        double compiling = CpuMeter.jit(rolesAfter) - CpuMeter.jit(rolesBefore);
        if (!"SUCCEEDED".equals(field(campaign, "status"))) {
            throw new IllegalStateException("the campaign did not succeed: " + campaign);
        }
        int total = Integer.parseInt(field(campaign, "total"));
        double dispatch = Duration.between(Instant.parse(field(campaign, "startedAt")),
                Instant.parse(field(campaign, "finishedAt"))).toMillis() / 1000.0;
        Instant firstLease = Instant.parse(field(campaign, "finishedAt"));
        Matcher started = Pattern.compile("\"startedAt\":\\s*\"([^\"]+)\"").matcher(get(schedulerUrl + "/campaigns/"
                + id + "/runs"));
        while (started.find()) {
            Instant at = Instant.parse(started.group(1));
            firstLease = at.isBefore(firstLease) ? at : firstLease;
        }
        double steady = Duration.between(firstLease, Instant.parse(field(campaign, "finishedAt"))).toMillis() / 1000.0;
        double full = Duration.between(submitted, finished).toMillis() / 1000.0;
        List<Result> results = List.of(new Result("pilot (a)", full, total), new Result("pilot-dispatch", dispatch,
                total), new Result("pilot-leases", steady, total));
        if (!report) {
            return results;
        }
        System.out.printf(Locale.ROOT, "  pilot: %.2f s from submission to the first lease (build answer, expansion,"
                + " worker service and task start), then %.2f s for %d runs: %.1f runs/s%n",
                Duration.between(submitted, firstLease).toMillis() / 1000.0, steady, total, total / steady);
        System.out.println("  CPU per run of the pilot campaign (ms): " + cpuAfter.keySet().stream()
                .map(k -> String.format(Locale.ROOT, "%s %.1f", k, 1000 * (cpuAfter.get(k) - cpuBefore.get(k)) / total))
                .collect(Collectors.joining(", ")) + String.format(Locale.ROOT,
                "; of these, the services' JIT compilers %.1f", 1000 * compiling / total));
        System.out.println("  the services' CPU per run by thread (ms): " + rolesAfter.keySet().stream()
                .map(k -> String.format(Locale.ROOT, "%s %.1f", k,
                        1000 * (rolesAfter.get(k) - rolesBefore.getOrDefault(k, 0.0)) / total))
                .collect(Collectors.joining(", ")));
        return results;
    }

    /** One replicated-job running the runs in list mode: one group per task, the task slot picking the group. */
    private Result jobs(Scenario s, List<Integer> runs, String how, int groups) throws Exception {
        String campaign = "bench-" + UUID.randomUUID();
        RunToken tokens = new RunToken(SECRET);
        List<List<Integer>> parts = IntStream.range(0, groups).mapToObj(g -> new ArrayList<Integer>())
                .collect(Collectors.toList());
        for (int i = 0; i < runs.size(); i++) {
            parts.get(i % groups).add(runs.get(i));
        }
        String runList = parts.stream().map(p -> p.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        String tokenList = parts.stream().map(p -> p.stream().map(r -> tokens.sign(campaign, r))
                .collect(Collectors.joining(","))).collect(Collectors.joining(";"));
        String name = "simswarm-bench-" + how + "-" + campaign.substring(6, 14);
        Path env = Files.createTempFile("simswarm-bench-", ".env");
        Files.writeString(env, String.join("\n",
                "SIMSWARM_RUN_COMMAND=./queueing",
                "SIMSWARM_CONFIG=" + s.config(),
                "SIMSWARM_SIM_ARGS=" + s.simArgs(),
                "SIMSWARM_RUN_TIMEOUT=600",
                "SIMSWARM_RUNS=" + runList,
                "SIMSWARM_TOKENS=" + tokenList,
                "SIMSWARM_UPLOAD_URL=" + resultsUrl + "/campaigns/" + campaign + "/runs/{run}/results",
                "") );
        Instant start = Instant.now();
        try {
            docker("service", "create", "--detach", "--quiet", "--name", name, "--mode", "replicated-job",
                    "--replicas", String.valueOf(groups), "--max-concurrent", String.valueOf(s.parallel()),
                    "--reserve-cpu", String.valueOf(s.cpus()), "--restart-condition", "on-failure",
                    "--restart-max-attempts", "1", "--network", "host", "--label", "io.simswarm.bench=" + campaign,
                    "--env-file", env.toString(), "--env", "SIMSWARM_SLOT={{.Task.Slot}}", "--workdir",
                    FixtureImage.WORKDIR, "--entrypoint", RUNNER, image);
            Pattern completed = Pattern.compile("\\((\\d+)/(\\d+) completed\\)");
            while (true) {
                String replicas = docker("service", "ls", "--filter", "name=" + name, "--format", "{{.Replicas}}");
                Matcher m = completed.matcher(replicas);
                if (m.find() && m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(2)) == groups) {
                    break;
                }
                if (Duration.between(start, Instant.now()).toMinutes() > 30) {
                    throw new IllegalStateException(how + " did not complete: " + replicas);
                }
                Thread.sleep(100);
            }
            return new Result(how, Duration.between(start, Instant.now()).toMillis() / 1000.0, runs.size());
        } finally {
            docker("service", "rm", name);
            String containers = docker("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + name);
            if (!containers.isBlank()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(containers.lines().toList());
                docker(rm.toArray(String[]::new));
            }
            Files.deleteIfExists(env);
        }
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                    + " failed: " + out);
        }
        return out;
    }

    private static Process start(String what, Path jar, Map<String, String> settings, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        String javaOptions = System.getenv("BENCH_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        if (System.getenv("BENCH_JFR") != null) {
            command.add("-XX:StartFlightRecording=filename=" + Path.of("target", "bench", what + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createDirectories(Path.of("target", "bench")).resolve(what + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(String url) throws Exception {
        Instant limit = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(limit)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not become ready");
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", Keys.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Keys.authorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A string or number field of a flat JSON answer (the first one of that name). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void dropSchema() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/simswarm_test", "simswarm",
                "simswarm"); var sql = db.createStatement()) {
            sql.execute("drop schema if exists scheduler_bench cascade");
            sql.execute("drop schema if exists results_bench cascade");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick") || args[i].equals("--keep") || args[i].equals("--pilot-only")) {
                options.put(args[i], "");
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }

    /**
     * One campaign of many trivial runs (config Quick, enough repetitions for the number asked), watched every half
     * second: how long from submission to the runs being known, the CPU each part of the system spent per run over
     * the first and the last thousand runs (a quarter of them in smaller campaigns) (flat cost means the two are close), the services' heap after the
     * campaign (after a full GC), and how long the paged run list and the aggregated query take at the end.
     */
    static final class Scale {

        private static final int WINDOW = 1000;
        private final CampaignEfficiency bench;
        private final Map<String, Long> pids;

        Scale(CampaignEfficiency bench, Map<String, Long> pids) {
            this.bench = bench;
            this.pids = pids;
        }

        /** A look at the campaign: when, how many runs succeeded, the CPU used so far. */
        record Sample(double seconds, int succeeded, Map<String, Double> cpu) {
        }

        void run(int runs, int warmUpRounds) throws Exception {
            int repeat = (runs + 35) / 36; // Quick has 36 parameter points
            System.out.println("SimSwarm at scale, local one-node swarm, " + Runtime.getRuntime().availableProcessors()
                    + " cores; " + bench.resultsNote);
            bench.warmUp(warmUpRounds);
            String body = String.format(Locale.ROOT, "{\"repoUrl\":\"%squeueing\",\"config\":\"Quick\","
                    + "\"simArgs\":\"--repeat=%d\",\"runCommand\":\"./queueing\",\"maxParallel\":8,"
                    + "\"cpusPerRun\":0.25,\"retries\":1}", StandIns.REPO, repeat);
            Instant submitted = Instant.now();
            String id = field(post(bench.schedulerUrl + "/campaigns", body), "id");
            List<Sample> samples = new ArrayList<>();
            Double expanded = null;
            int total = 0;
            String campaign;
            while (true) {
                campaign = get(bench.schedulerUrl + "/campaigns/" + id);
                double at = Duration.between(submitted, Instant.now()).toMillis() / 1000.0;
                String status = field(campaign, "status");
                total = Integer.parseInt(field(campaign, "total"));
                if (expanded == null && total > 0) {
                    expanded = at;
                }
                samples.add(new Sample(at, Integer.parseInt(field(campaign, "succeeded")), bench.cpu.seconds()));
                if (!List.of("BUILDING", "EXPANDING", "RUNNING").contains(status)) {
                    break;
                }
                Thread.sleep(500);
            }
            if (!"SUCCEEDED".equals(field(campaign, "status"))) {
                throw new IllegalStateException("the campaign did not succeed: " + campaign);
            }
            double finished = samples.get(samples.size() - 1).seconds();
            System.out.printf(Locale.ROOT, "%n%d runs (Quick --repeat=%d), 8 workers: submitted -> runs known %.1f s,"
                    + " -> SUCCEEDED %.1f s (%.1f runs/s overall)%n", total, repeat, expanded, finished,
                    total / finished);
            int window = Math.min(WINDOW, total / 4);
            Sample a0 = first(samples, 1);
            Sample a1 = first(samples, window);
            Sample b0 = first(samples, total - window);
            Sample b1 = samples.get(samples.size() - 1);
            System.out.printf(Locale.ROOT, "CPU per run (ms), runs %d-%d against runs %d-%d (last / first):%n",
                    a0.succeeded(), a1.succeeded(), b0.succeeded(), b1.succeeded());
            for (String part : a0.cpu().keySet()) {
                double first = perRun(a0, a1, part);
                double last = perRun(b0, b1, part);
                System.out.printf(Locale.ROOT, "  %-10s %7.2f  %7.2f   %.2f%n", part, first, last, last / first);
            }
            System.out.printf(Locale.ROOT, "  (seconds of those windows: %.1f and %.1f)%n",
                    a1.seconds() - a0.seconds(), b1.seconds() - b0.seconds());
            for (Map.Entry<String, Long> service : pids.entrySet()) {
                System.out.printf(Locale.ROOT, "heap of the %s after the campaign and a full GC: %s%n",
                        service.getKey(), heapAfterGc(service.getValue()));
            }
            // once right after the campaign (PostgreSQL has not analysed the new rows yet), once a minute later
            for (String when : List.of("right after the campaign", "a minute later")) {
                System.out.println("queries " + when + " (median of five, ms):");
                // the paged run list the dashboard reads (GET /campaigns/{id}/runs answers every run at once)
                String list = bench.schedulerUrl + "/campaigns/" + id + "/runs/page";
                timed("GET /campaigns/{id}/runs/page?limit=100 (first page)", list + "?limit=100");
                timed("GET /campaigns/{id}/runs/page?offset=" + (total - 100) + "&limit=100 (last page)",
                        list + "?offset=" + (total - 100) + "&limit=100");
                timed("GET /campaigns/{id}/runs/page?sort=durationMs&desc=true&limit=100", list
                        + "?sort=durationMs&desc=true&limit=100");
                timed("GET /campaigns/{id}/runs (every run at once, " + total + " runs)",
                        bench.schedulerUrl + "/campaigns/" + id + "/runs");
                timed("GET /campaigns/{id} (counts)", bench.schedulerUrl + "/campaigns/" + id);
                timed("results: GET /campaigns/{id}/scalars?aggregate=true&name=queueingTime:mean", bench.resultsUrl
                        + "/campaigns/" + id + "/scalars?aggregate=true&name=queueingTime:mean");
                timed("results: GET /campaigns/{id}/runs?format=csv (" + total + " runs)", bench.resultsUrl
                        + "/campaigns/" + id + "/runs?format=csv");
                if (when.startsWith("right")) {
                    Thread.sleep(60_000);
                }
            }
        }

        /** The first sample with at least {@code succeeded} runs done. */
        private static Sample first(List<Sample> samples, int succeeded) {
            return samples.stream().filter(s -> s.succeeded() >= succeeded).findFirst().orElseThrow();
        }

        private static double perRun(Sample from, Sample to, String part) {
            return 1000 * (to.cpu().get(part) - from.cpu().get(part)) / (to.succeeded() - from.succeeded());
        }

        /** The median of five calls after one more (ms), with the status of the last. */
        private static void timed(String what, String url) throws Exception {
            get(url);
            List<Double> ms = new ArrayList<>();
            int status = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", Keys.authorization()).build(), HttpResponse.BodyHandlers.ofString());
                ms.add((System.nanoTime() - start) / 1e6);
                status = r.statusCode();
            }
            ms.sort(Double::compare);
            System.out.printf(Locale.ROOT, "  %-78s %6.1f ms (HTTP %d)%n", what, ms.get(2), status);
        }

        /** The heap in use after a full GC, as the JVM reports it (jcmd GC.run, then GC.heap_info). */
        private static String heapAfterGc(long pid) throws Exception {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            if (!m.find()) {
                return "unknown (" + info.strip() + ")";
            }
            return String.format(Locale.ROOT, "%d MB used of %d MB committed", Long.parseLong(m.group(2)) / 1024,
                    Long.parseLong(m.group(1)) / 1024);
        }

        private static String jcmd(long pid, String command) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(1, TimeUnit.MINUTES);
            return out;
        }
    }

    /**
     * CPU time (user + system) used so far by the benchmark's services, PostgreSQL, Kafka, the Docker engine and the
     * whole machine, from /proc; the machine's figure minus the others is mostly the workers and their runs.
     */
    static final class CpuMeter {

        private static final double TICK = 100.0;
        private final Map<String, Long> services;

        CpuMeter(Map<String, Long> services) {
            this.services = services;
        }

        Map<String, Double> seconds() throws IOException {
            Map<String, Double> used = new LinkedHashMap<>();
            services.forEach((name, pid) -> used.put(name, process(pid)));
            double postgres = 0;
            double kafka = 0;
            double docker = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String comm = read(proc.resolve("comm")).strip();
                    if (comm.equals("postgres")) {
                        postgres += process(Long.parseLong(proc.getFileName().toString()));
                    } else if (comm.equals("dockerd") || comm.startsWith("containerd")) {
                        docker += process(Long.parseLong(proc.getFileName().toString()));
                    } else if (comm.equals("java") && read(proc.resolve("cmdline")).contains("kafka.Kafka")) {
                        kafka += process(Long.parseLong(proc.getFileName().toString()));
                    }
                }
            }
            used.put("postgres", postgres);
            used.put("kafka", kafka);
            used.put("docker", docker);
            String[] all = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
            double machine = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                machine += Long.parseLong(all[i]);
            }
            used.put("machine", machine / TICK);
            return used;
        }

        /** What each thread of the services is, by its name (which Linux cuts to 15 characters). */
        private static final Map<String, Pattern> ROLES = new LinkedHashMap<>();

        static {
            ROLES.put("jit", Pattern.compile("C[12] CompilerThre.*"));
            ROLES.put("gc+vm", Pattern.compile("(GC Thread|G1 |VM Thread|VM Periodic|Service Thread|Common-Cleaner).*"));
            ROLES.put("http", Pattern.compile("vert\\.x-(eventloo|acceptor).*"));
            ROLES.put("handlers", Pattern.compile("executor-thread.*"));
            ROLES.put("kafka", Pattern.compile("(kafka|smallrye-kafka).*"));
        }

        /** CPU seconds of every thread of the services seen so far, by "pid/tid"; a thread that ended keeps its last figure. */
        private final Map<String, Double> threadSeconds = new LinkedHashMap<>();
        private final Map<String, String> threadRoles = new LinkedHashMap<>();

        /**
         * CPU seconds the services' threads have used so far, by "service role" (jit, gc+vm, http, handlers, kafka,
         * other). Threads come and go (the JVM stops idle compiler threads): each one counts with the most it was
         * seen to have used, so the figures only grow.
         */
        Map<String, Double> threadRoles() {
            services.forEach((name, pid) -> {
                try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                    for (Path task : tasks.toList()) {
                        String key = pid + "/" + task.getFileName();
                        double used = cpuSeconds(task.resolve("stat"));
                        threadSeconds.merge(key, used, Math::max);
                        threadRoles.computeIfAbsent(key, k -> name + " " + role(read(task.resolve("comm")).strip()));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            Map<String, Double> byRole = new TreeMap<>();
            threadSeconds.forEach((key, used) -> byRole.merge(threadRoles.get(key), used, Double::sum));
            return byRole;
        }

        private static String role(String threadName) {
            return ROLES.entrySet().stream().filter(e -> e.getValue().matcher(threadName).matches())
                    .map(Map.Entry::getKey).findFirst().orElse("other");
        }

        /** CPU seconds the JIT compiler threads of the services have used so far. */
        double compilerSeconds() {
            return jit(threadRoles());
        }

        /** The JIT compilers' part of figures by role, as {@link #threadRoles} gives them. */
        static double jit(Map<String, Double> roles) {
            return roles.entrySet().stream().filter(e -> e.getKey().endsWith(" jit")).mapToDouble(Map.Entry::getValue)
                    .sum();
        }

        /** CPU seconds of the services' processes. */
        double serviceSeconds() {
            return services.values().stream().mapToDouble(CpuMeter::process).sum();
        }

        private static double process(long pid) {
            return cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
        }

        /** utime + stime of a /proc stat file; 0 once the process or thread is gone. */
        private static double cpuSeconds(Path statFile) {
            try {
                String stat = read(statFile);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
            } catch (RuntimeException e) {
                return 0;
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** The key pair of this run's bearer tokens: the services verify with the public half, the bench signs. */
    private static final class Keys {

        private static final java.security.KeyPair PAIR = generate();
        private static Path publicKey;

        static synchronized Path publicKeyFile() throws IOException {
            if (publicKey == null) {
                publicKey = Files.createTempFile("simswarm-bench-jwt", ".pem");
                publicKey.toFile().deleteOnExit();
                String body = java.util.Base64.getMimeEncoder(64, new byte[] {10})
                        .encodeToString(PAIR.getPublic().getEncoded());
                Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            }
            return publicKey;
        }

        static String authorization() {
            return "Bearer " + io.simswarm.commons.security.AccessTokens.sign("bench", "admin",
                    java.time.Duration.ofHours(6), PAIR.getPrivate());
        }

        private static java.security.KeyPair generate() {
            try {
                java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
