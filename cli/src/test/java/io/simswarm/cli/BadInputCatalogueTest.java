package io.simswarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad invocation ends with a non-zero exit code, prints nothing on stdout, and says what was wrong on stderr:
 * a usage error (picocli found it: unknown command or option, missing argument, not a number) as its line and the
 * line naming the command's help, like {@link SimSwarmTest}; a value the command checks, an unreachable service or a
 * service's refusal as one line. What the command line can check itself never reaches the service.
 */
class BadInputCatalogueTest {

    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(java|jakarta|io\\.quarkus|io\\.simswarm|com\\.fasterxml|org\\.[a-z]+)\\.[A-Za-z]|Exception");
    private static final String URL = "{url}";
    private static final String CLOSED = "{closed}";

    /**
     * One invocation: the arguments ({@value #URL} is the stand-in service's address, {@value #CLOSED} one where
     * nothing listens), what the stand-in answers, and the expected exit code and message.
     */
    record Invocation(String name, List<String> args, Map<String, Answer> answers, int exitCode, String message,
            boolean usage) {

        @Override
        public String toString() {
            return name;
        }

        boolean reachesService() {
            return !answers.isEmpty() || args.contains(CLOSED);
        }
    }

    private static Invocation usage(String name, String message, String... args) {
        return new Invocation(name, List.of(args), Map.of(), 2, message, true);
    }

    private static Invocation refused(String name, String message, String... args) {
        return new Invocation(name, List.of(args), Map.of(), 2, message, false);
    }

    private static Invocation answered(String name, String path, Answer answer, int exitCode, String message,
            String... args) {
        return new Invocation(name, List.of(args), Map.of(path, answer), exitCode, message, false);
    }

    private static String[] run(String... options) {
        String[] args = {"run", "--repo", "https://git.example.org/sim.git", "-c", "General", "--scheduler-url", URL};
        String[] all = Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return all;
    }

    private static String[] token(String... options) {
        String[] args = {"token", "--provisioner-url", URL, "create", "rita"};
        String[] all = Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return all;
    }

    static Stream<Invocation> cases() {
        return Stream.of(
                // what picocli finds: usage errors
                usage("unknown command", "Unmatched argument at index 0: 'frobnicate'", "frobnicate"),
                usage("unknown option of a subcommand", "Unknown options: '--wrokers', '2'",
                        "cluster", "create", "c1", "--wrokers", "2"),
                usage("missing parameter", "Missing required parameter: 'NAME'", "cluster", "show"),
                usage("missing required option", "Missing required option: '--role=ROLE'", "token", "create", "rita"),
                usage("workers not a number", "'many' is not an int", "cluster", "resize", "c1", "--workers", "many"),
                usage("cpus not a number", "'four' is not a double", run("--cpus", "four")),
                usage("run number not a number", "'first' is not an int", "logs", "c1", "first"),
                usage("most repetitions not a number", "'many' is not an int", run("--max-repetitions", "many")),
                // what the command checks before it asks a service
                refused("memory not a size", "--memory-per-run 'lots' is not a size: write a number with k, m, g or"
                        + " t, e.g. 512m or 4g", run("--memory-per-run", "lots")),
                refused("memory below 64m", "--memory-per-run '1m' is out of range: between 64m and 4096g",
                        run("--memory-per-run", "1m")),
                refused("memory above 4096g", "--memory-per-run '5t' is out of range: between 64m and 4096g",
                        run("--memory-per-run", "5t")),
                refused("cpus negative", "--cpus -2.0 is out of range: from 0 (no reservation) to 1024 CPUs per run",
                        run("--cpus", "-2")),
                refused("cpus more than any machine", "--cpus 5000.0 is out of range", run("--cpus", "5000")),
                refused("cpus not finite", "--cpus NaN is out of range", run("--cpus", "NaN")),
                refused("parallel runs zero", "-j/--max-parallel 0 is out of range: between 1 and 10000",
                        run("-j", "0")),
                refused("retries above 100", "--retries 101 is out of range: between 0 and 100",
                        run("--retries", "101")),
                refused("timeout negative", "--timeout -5 is out of range", run("--timeout", "-5")),
                refused("run filter empty", "-r/--filter is empty: leave it out to run every run",
                        run("-r", " ")),
                refused("run filter backwards", "-r/--filter '0,9..3' has the range 9..3, which runs backwards and"
                        + " selects no run: write 3..9", run("-r", "0,9..3")),
                refused("run filter on two lines", "-r/--filter holds a control character",
                        run("-r", "$x>1\n&& $y<2")),
                refused("exit rule without action", "--on-exit 'code=137' is not a rule",
                        run("--on-exit", "code=137")),
                refused("target not in the grammar", "--until 'queueingTime:mean < 2%' is not a target: write NAME"
                        + " ci95<=LIMIT, LIMIT a number, absolute or with % of the mean, e.g."
                        + " 'queueingTime:mean ci95<=2%'", run("--until", "queueingTime:mean < 2%")),
                refused("target with a limit of zero", "--until 'queueingTime:mean ci95<=0%' has the limit 0%: the"
                        + " limit must be a number above 0", run("--until", "queueingTime:mean ci95<=0%")),
                refused("target name too long", "--until names a scalar of 201 characters: at most 200",
                        run("--until", "q".repeat(201) + " ci95<=1")),
                refused("more than eight targets", "--until is given 9 times: at most 8 targets",
                        run("--until", "a ci95<=1", "--until", "b ci95<=1", "--until", "c ci95<=1", "--until",
                                "d ci95<=1", "--until", "e ci95<=1", "--until", "f ci95<=1", "--until", "g ci95<=1",
                                "--until", "h ci95<=1", "--until", "i ci95<=1")),
                refused("most repetitions without a target", "--max-repetitions needs --until: it bounds the"
                        + " repetitions added to a parameter point until its confidence intervals are narrow enough",
                        run("--max-repetitions", "20")),
                refused("most repetitions below two", "--max-repetitions 1 is out of range: between 2 and 1000"
                        + " repetitions per parameter point", run("--until", "a ci95<=1", "--max-repetitions", "1")),
                refused("a sample above 100 runs", "--estimate-sample 101 is out of range: between 0 (no sample) and"
                        + " 100 runs", run("--estimate", "--estimate-sample", "101")),
                refused("a negative sample", "--estimate-sample -1 is out of range",
                        run("--estimate", "--estimate-sample", "-1")),
                refused("most repetitions above 1000", "--max-repetitions 1001 is out of range: between 2 and 1000",
                        run("--until", "a ci95<=1", "--max-repetitions", "1001")),
                refused("target with repetitions fixed after --", "--until and '--repeat=10' after -- do not go"
                        + " together: with --until the scheduler adds repetitions to each parameter point until its"
                        + " targets are met, so leave out --repeat",
                        run("--until", "a ci95<=1", "--", "--sim-time-limit=10s", "--repeat=10")),
                refused("token role unknown", "--role 'root' is not a role: use viewer, runner or admin",
                        token("--role", "root")),
                refused("token expiry malformed", "--expires 'forever' is not a lifetime: write a number from 1 with m,"
                        + " h or d", token("--role", "viewer", "--expires", "forever")),
                refused("token expiry zero", "--expires '0d' is not a lifetime", token("--role", "viewer",
                        "--expires", "0d")),
                refused("token expiry above a year", "--expires '400d' is too long: a token is valid for at most 365d",
                        token("--role", "viewer", "--expires", "400d")),
                refused("service URL malformed", "the provisioner service address 'ftp://127.0.0.1:8081' from"
                        + " --provisioner-url is not a usable URL: it must start with http:// or https://",
                        "cluster", "--provisioner-url", "ftp://127.0.0.1:8081", "list"),
                // services that cannot be reached or refuse
                new Invocation("service not running", List.of("cluster", "--provisioner-url", CLOSED, "list"),
                        Map.of(), 1, "cannot reach the provisioner service at http://127.0.0.1:", false),
                answered("cluster unknown to the service", "/clusters/nope",
                        Answer.problem(404, "There is no cluster named 'nope'."), 4,
                        "There is no cluster named 'nope'.", "cluster", "--provisioner-url", URL, "show", "nope"),
                answered("cluster in the wrong state", "/clusters/c1/halt",
                        Answer.problem(409, "Cluster 'c1' is HALTED and cannot be halted: resume it first."), 1,
                        "Cluster 'c1' is HALTED and cannot be halted: resume it first.",
                        "cluster", "--provisioner-url", URL, "halt", "c1"),
                answered("campaign refused by the scheduler", "/campaigns",
                        Answer.problem(400, "The request is not valid: config must not be blank."), 1,
                        "The request is not valid: config must not be blank.", run()),
                answered("refusal over two lines", "/clusters",
                        Answer.problem(400, "workers must be between 0 and 50,\\nnot 51."), 1,
                        "workers must be between 0 and 50, not 51.",
                        "cluster", "--provisioner-url", URL, "create", "c1", "--workers", "51"),
                answered("token role the provisioner refuses", "/tokens",
                        Answer.problem(403, "The token of 'vera' (role viewer) does not allow POST /tokens."), 1,
                        "The token of 'vera' (role viewer) does not allow POST /tokens.",
                        token("--role", "viewer")),
                answered("answer that is not JSON", "/clusters",
                        Answer.text(200, "text/html", "<html>a login page</html>"), 1,
                        "the provisioner service at " + URL + " answered something that is not JSON",
                        "cluster", "--provisioner-url", URL, "list"));
    }

    private StandInService service;
    private String closed;

    @BeforeEach
    void start() throws IOException {
        service = new StandInService();
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneSentenceAndNoOutput(Invocation invocation) {
        invocation.answers().forEach(service::on);
        String[] args = invocation.args().stream()
                .map(arg -> arg.equals(URL) ? service.url() : arg.equals(CLOSED) ? closed : arg)
                .toArray(String[]::new);

        Cli.Result result = Cli.run(args);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(invocation.exitCode());
        assertThat(result.out()).as("stdout").isEmpty();
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as(result.err()).hasSize(invocation.usage() ? 2 : 1);
        assertThat(lines.get(0)).startsWith("simswarm: ")
                .contains(invocation.message().replace(URL, service.url()))
                .doesNotContainPattern(JAVA_NAMES);
        if (invocation.usage()) {
            assertThat(lines.get(1)).matches("Run 'simswarm( [a-z-]+)* --help' for its options\\.");
        }
        if (!invocation.reachesService()) {
            assertThat(service.requests()).as("requests that reached the service").isEmpty();
        }
    }
}
