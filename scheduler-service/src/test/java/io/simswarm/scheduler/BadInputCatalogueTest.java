package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.simswarm.events.RunToken;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scheduler's catalogue of bad input: every case is a request a caller can get wrong, and each must be answered
 * with its status, {@code application/problem+json} and a sentence saying what was wrong (no Java name, no stack
 * fragment), and must leave no campaign, run or lease behind or changed.
 *
 * <p>Paths, headers and sentences may name the fixture campaigns: {@code {running}} (RUNNING, runs 0 to 2, run 0
 * leased as {@code {lease}}), {@code {succeeded}} and {@code {failed}} (failed at its build, no runs);
 * {@code {leaseToken}} is the running campaign's lease token, {@code {otherToken}} the succeeded one's,
 * {@code {runner}} and {@code {viewer}} are user tokens of someone who submitted none of them, {@code {expired}} and
 * {@code {forged}} an admin's token that expired and one signed with another key. The request bodies of
 * submissions name the cluster {@code halted}, so a body that is wrongly accepted is still not started (409).
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class BadInputCatalogueTest {

    private static final String JSON = "application/json";
    private static final String NO_AUTH = "none";
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(java|jakarta|io\\.quarkus|io\\.simswarm|com\\.fasterxml|org\\.[a-z]+)\\.[A-Za-z]|Exception");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIXTURE_OWNER = "bad-input-catalogue";
    private static Fixtures fixtures;

    @Inject
    EntityManager entityManager;

    /** One bad request and what it must be answered with. */
    record Case(String name, String method, String path, Map<String, String> headers, String contentType,
            String body, int status, String detail) {

        static Case of(String name, String method, String path) {
            return new Case(name, method, path, Map.of(), null, null, 0, null);
        }

        Case json(String text) {
            return body(JSON, text);
        }

        Case body(String type, String text) {
            return new Case(name, method, path, headers, type, text, status, detail);
        }

        Case header(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(key, value);
            return new Case(name, method, path, more, contentType, body, status, detail);
        }

        Case answers(int expectedStatus, String sentence) {
            return new Case(name, method, path, headers, contentType, body, expectedStatus, sentence);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(submissionBodies());
        cases.addAll(submissionNumbers());
        cases.addAll(submissionTexts());
        cases.addAll(estimates());
        cases.addAll(queries());
        cases.addAll(changes());
        cases.addAll(leases());
        return cases.stream();
    }

    private static List<Case> submissionBodies() {
        return List.of(
                submit("malformed JSON", "{\"repoUrl\": ").answers(400, "The request body is not valid JSON"),
                submit("JSON with a stray comma", "{\"repoUrl\": \"x\",}").answers(400, "not valid JSON"),
                submit("empty body", "").answers(400, "The request body is missing"),
                submit("JSON null", "null").answers(400, "The request body is missing"),
                submit("an array instead of an object", "[{\"repoUrl\": \"x\"}]")
                        .answers(400, "it must be a JSON object"),
                submit("a string instead of an object", "\"MM1\"").answers(400, "it must be a JSON object"),
                Case.of("text instead of JSON", "POST", "/campaigns").body("text/plain", "repoUrl=x")
                        .answers(415, "'text/plain'"),
                Case.of("form instead of JSON", "POST", "/campaigns")
                        .body("application/x-www-form-urlencoded", "repoUrl=x&config=y")
                        .answers(415, "'application/x-www-form-urlencoded'"),
                Case.of("a body beyond the size limit", "POST", "/campaigns").json(null)
                        .header("Content-Length", String.valueOf(20 << 20))
                        .answers(413, "The request body of 20971520 bytes is larger than the 10485760 bytes"),
                submit("no repoUrl", without("repoUrl")).answers(400, "repoUrl must not be blank"),
                submit("null repoUrl", with("repoUrl", null)).answers(400, "repoUrl must not be blank"),
                submit("no config", without("config")).answers(400, "config must not be blank"),
                submit("blank config", with("config", "   ")).answers(400, "config must not be blank"),
                submit("repoUrl as an object", with("repoUrl", Map.of("url", "x")))
                        .answers(400, "at field 'repoUrl': it must be a string"),
                submit("maxParallel as text", with("maxParallel", "many"))
                        .answers(400, "at field 'maxParallel': it must be a whole number"),
                submit("cpusPerRun as a list", with("cpusPerRun", List.of(1)))
                        .answers(400, "at field 'cpusPerRun': it must be a number"),
                submit("exitRules as text", with("exitRules", "retry"))
                        .answers(400, "at field 'exitRules': it must be a JSON array"),
                submit("JSON nested beyond the limit", "{\"nested\": " + "[".repeat(1100) + "]".repeat(1100) + "}")
                        .answers(400, "nesting depth (1001) exceeds the maximum allowed (1000)"),
                submit("an unknown exit rule action", with("exitRules", List.of(Map.of("onExitCode", "1",
                        "action", "MAYBE")))).answers(400, "it must be one of RETRY, EXIT"));
    }

    private static List<Case> submissionNumbers() {
        return List.of(
                submit("maxParallel 0", with("maxParallel", 0))
                        .answers(400, "maxParallel must be greater than or equal to 1"),
                submit("maxParallel above the limit", with("maxParallel", 10_001))
                        .answers(400, "maxParallel must be less than or equal to 10000"),
                submit("maxParallel beyond an int", "{\"repoUrl\": \"" + StandIns.REPO + "queueing\", \"config\":"
                        + " \"MM1\", \"cluster\": \"halted\", \"maxParallel\": 99999999999}")
                        .answers(400, "at field 'maxParallel'"),
                submit("negative retries", with("retries", -1))
                        .answers(400, "retries must be greater than or equal to 0"),
                submit("retries above the limit", with("retries", 101))
                        .answers(400, "retries must be less than or equal to 100"),
                submit("negative runTimeoutSeconds", with("runTimeoutSeconds", -1))
                        .answers(400, "runTimeoutSeconds must be greater than or equal to 0"),
                submit("runTimeoutSeconds beyond the runner's ten years", with("runTimeoutSeconds", 315_360_001))
                        .answers(400, "runTimeoutSeconds must be less than or equal to 315360000"),
                submit("negative cpusPerRun", with("cpusPerRun", -0.5))
                        .answers(400, "cpusPerRun must be greater than or equal to 0."),
                submit("cpusPerRun beyond any machine", with("cpusPerRun", 4096))
                        .answers(400, "cpusPerRun must be less than or equal to 1024"),
                submit("cpusPerRun NaN", with("cpusPerRun", "NaN"))
                        .answers(400, "cpusPerRun must be greater than or equal to 0"),
                submit("cpusPerRun infinite", "{\"repoUrl\": \"" + StandIns.REPO + "queueing\", \"config\": \"MM1\","
                        + " \"cluster\": \"halted\", \"cpusPerRun\": 1e999}")
                        .answers(400, "cpusPerRun must be less than or equal to 1024"),
                submit("memoryPerRun not a size", with("memoryPerRun", "lots"))
                        .answers(400, "memoryPerRun must be a size such as 512m or 2g, not 'lots'"),
                submit("memoryPerRun below 64m", with("memoryPerRun", "1m"))
                        .answers(400, "memoryPerRun must be between 64m and 4096g, not '1m'"),
                submit("memoryPerRun above 4096g", with("memoryPerRun", "5t"))
                        .answers(400, "memoryPerRun must be between 64m and 4096g, not '5t'"),
                submit("memoryPerRun as a bare number of bytes below 64m", with("memoryPerRun", 512))
                        .answers(400, "memoryPerRun must be between 64m and 4096g, not '512'"),
                submit("a precision target without ci95", with("until", List.of("queueingTime:mean < 2%")))
                        .answers(400, "until[0]: 'queueingTime:mean < 2%' is not a precision target: write NAME"
                                + " ci95<=LIMIT"),
                submit("a precision target with a zero limit", with("until", List.of("x ci95<=0")))
                        .answers(400, "until[0]: The limit of precision target 'x ci95<=0' must be a positive number"),
                submit("more than 8 precision targets", with("until", Collections.nCopies(9, "x ci95<=1")))
                        .answers(400, "until must hold at most 8 targets"),
                submit("until as text", with("until", "x ci95<=1"))
                        .answers(400, "at field 'until': it must be a JSON array"),
                submit("maxRepetitions without until", with("maxRepetitions", 10))
                        .answers(400, "maxRepetitions applies only with until"),
                submit("maxRepetitions of 1", withTargets("maxRepetitions", 1))
                        .answers(400, "maxRepetitions must be greater than or equal to 2"),
                submit("maxRepetitions above 1000", withTargets("maxRepetitions", 1001))
                        .answers(400, "maxRepetitions must be less than or equal to 1000"),
                submit("a sample of no run", with("sampleRuns", 0))
                        .answers(400, "sampleRuns must be greater than or equal to 1"),
                submit("a sample above 100 runs", with("sampleRuns", 101))
                        .answers(400, "sampleRuns must be less than or equal to 100"),
                submit("a sample with until", withTargets("sampleRuns", 2))
                        .answers(400, "sampleRuns and until do not go together"),
                submit("--repeat with until", withTargets("simArgs", "--sim-time-limit=5s --repeat=4"))
                        .answers(400, "simArgs must not set --repeat with until"),
                submit("more than 16 exit rules", with("exitRules", Collections.nCopies(17,
                        Map.of("onExitCode", "1", "action", "EXIT"))))
                        .answers(400, "exitRules must hold at most 16 rules"),
                submit("an exit rule without action", with("exitRules", List.of(Map.of("onExitCode", "1"))))
                        .answers(400, "Exit rule 1 needs an action, RETRY or EXIT"),
                submit("an exit rule without condition", with("exitRules", List.of(Map.of("action", "EXIT"))))
                        .answers(400, "Exit rule 1 needs a condition, onExitCode or onOutput"),
                submit("an exit code glob with letters", with("exitRules", List.of(Map.of("onExitCode", "1x",
                        "action", "EXIT")))).answers(400, "Exit rule 1 has onExitCode '1x'"),
                submit("an empty exit rule", "{\"repoUrl\": \"" + StandIns.REPO + "queueing\", \"config\": \"MM1\","
                        + " \"cluster\": \"halted\", \"exitRules\": [null]}").answers(400, "Exit rule 1 is empty"),
                submit("an output glob with a NUL character", with("exitRules", List.of(Map.of("onOutput", "a\u0000b",
                        "action", "EXIT")))).answers(400, "Exit rule 1 has an onOutput pattern with a NUL"));
    }

    private static List<Case> submissionTexts() {
        return List.of(
                submit("an ftp repository", with("repoUrl", "ftp://example.org/model.git"))
                        .answers(400, "uses the unsupported scheme 'ftp'"),
                submit("a javascript: repository", with("repoUrl", "javascript:alert(1)"))
                        .answers(400, "repoUrl 'javascript:alert(1)' is not a git URL"),
                submit("a repository URL with credentials", with("repoUrl", "https://me:secret@example.org/m.git"))
                        .answers(400, "carries credentials"),
                submit("a repository URL without host", with("repoUrl", "https:///m.git"))
                        .answers(400, "names no host"),
                submit("a repository URL with a space", with("repoUrl", "https://example.org/my model.git"))
                        .answers(400, "contains spaces or control characters"),
                submit("an overly long repository URL", with("repoUrl", "https://example.org/" + "m".repeat(3000)))
                        .answers(400, "repoUrl must be at most 2048 characters"),
                submit("an option as ref", with("ref", "--upload-pack=touch /tmp/pwned"))
                        .answers(400, "ref '--upload-pack=touch /tmp/pwned' is not a branch, tag or commit"),
                submit("a ref with ..", with("ref", "main..dev")).answers(400, "ref 'main..dev' is not a branch"),
                submit("a ref with a space", with("ref", "my branch")).answers(400, "ref 'my branch' is not a branch"),
                submit("an overly long ref", with("ref", "r".repeat(300))).answers(400, "ref must be at most 255"),
                submit("an absolute workdir", with("workdir", "/etc"))
                        .answers(400, "workdir '/etc' must be a folder inside the repository"),
                submit("a workdir above the repository", with("workdir", "examples/../../up"))
                        .answers(400, "workdir 'examples/../../up' must be a folder inside the repository"),
                submit("an ini file on two lines", with("iniFile", "omnetpp.ini\nrm -rf /"))
                        .answers(400, "iniFile must be one line without control characters"),
                submit("a config with a NUL character", with("config", "MM\u00001"))
                        .answers(400, "config must be one line without control characters"),
                submit("an overly long config", with("config", "C".repeat(300)))
                        .answers(400, "config must be at most 256 characters"),
                submit("a run filter on two lines", with("runFilter", "0..3\n4"))
                        .answers(400, "runFilter must be one line without control characters"),
                submit("simulation arguments on two lines", with("simArgs", "--a=1\n--b=2"))
                        .answers(400, "simArgs must be one line without control characters"),
                submit("an overly long run command", with("runCommand", "./sim " + "x".repeat(5000)))
                        .answers(400, "runCommand must be at most 4096 characters"),
                submit("a build command with a NUL character", with("buildCommand", "make\u0000"))
                        .answers(400, "buildCommand must not contain control characters other than tabs and line"),
                submit("a base image with a space", with("baseImage", "my image"))
                        .answers(400, "baseImage 'my image' is not an image reference"),
                submit("a cluster name with capitals and spaces", with("cluster", "My Cluster"))
                        .answers(400, "cluster must be 1 to 40 lowercase letters, digits or dashes"),
                submit("a cluster name with a slash", with("cluster", "../clusters"))
                        .answers(400, "cluster must be 1 to 40 lowercase letters, digits or dashes"),
                submit("an unknown cluster", with("cluster", "nowhere"))
                        .answers(400, "Cluster 'nowhere' is not known to the provisioner"),
                submit("a cluster that is not ready", with("cluster", "halted"))
                        .answers(409, "Cluster 'halted' is HALTED, not READY"));
    }

    private static List<Case> estimates() {
        return List.of(
                Case.of("estimate: malformed JSON", "POST", "/campaigns/estimate").json("{")
                        .answers(400, "The request body is not valid JSON"),
                Case.of("estimate: empty body", "POST", "/campaigns/estimate").json("")
                        .answers(400, "The request body is missing"),
                Case.of("estimate: maxParallel 0", "POST", "/campaigns/estimate").json(with("maxParallel", 0))
                        .answers(400, "maxParallel must be greater than or equal to 1"),
                Case.of("estimate: an ftp repository", "POST", "/campaigns/estimate")
                        .json(with("repoUrl", "ftp://example.org/m.git")).answers(400, "unsupported scheme 'ftp'"),
                Case.of("estimate: text instead of JSON", "POST", "/campaigns/estimate").body("text/plain", "x")
                        .answers(415, "'text/plain'"));
    }

    private static List<Case> queries() {
        return List.of(
                get("an unknown campaign", "/campaigns/no-such-campaign")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                get("the runs of an unknown campaign", "/campaigns/no-such-campaign/runs")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                get("a page asked of the full run list", "/campaigns/no-such-campaign/runs?offset=0&limit=100")
                        .answers(400, "GET /campaigns/{id}/runs answers every run and takes no parameters (here: limit,"
                                + " offset); for a page, a filter or an order use GET /campaigns/{id}/runs/page"),
                get("the progress of an unknown campaign", "/campaigns/no-such-campaign/progress")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                get("the nodes of an unknown campaign", "/campaigns/no-such-campaign/nodes")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                get("a page of runs of an unknown campaign", "/campaigns/no-such-campaign/runs/page")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                get("a campaign id like SQL", "/campaigns/x' or '1'='1")
                        .answers(404, "No campaign has the id 'x' or '1'='1'."),
                get("a campaign id with a NUL character", "/campaigns/a%00b")
                        .answers(400, "The request's path contains a control character"),
                get("a node filter with a NUL character", "/campaigns/{running}/runs/page?node=node%00a")
                        .answers(400, "The query parameter 'node' contains a control character"),
                post("cancel of a campaign id with a line break", "/campaigns/a%0Ab/cancel")
                        .answers(400, "The request's path contains a control character"),
                post("lease of a campaign id with a NUL character", "/campaigns/a%00b/leases")
                        .header("Authorization", "Bearer {leaseToken}")
                        .answers(400, "The request's path contains a control character"),
                get("attempts of a run number that is not a number", "/campaigns/{running}/runs/abc/attempts")
                        .answers(400, "The run number must be a whole number, not 'abc'."),
                get("attempts of a run the campaign does not have", "/campaigns/{running}/runs/999/attempts")
                        .answers(404, "Campaign {running} has no run 999."),
                get("a negative offset", "/campaigns/page?offset=-1").answers(400, "offset must be 0 or more"),
                get("an offset that is not a number", "/campaigns/page?offset=ten")
                        .answers(400, "offset must be a whole number, not 'ten'"),
                get("an offset beyond an int", "/campaigns/page?offset=99999999999")
                        .answers(400, "offset must be a whole number, not '99999999999'"),
                get("a page of 0", "/campaigns/page?limit=0").answers(400, "limit must be between 1 and 1000"),
                get("a page too long", "/campaigns/page?limit=1001").answers(400, "limit must be between 1 and 1000"),
                get("a page size that is not a number", "/campaigns/page?limit=all")
                        .answers(400, "limit must be a whole number, not 'all'"),
                get("an unknown campaign status", "/campaigns/page?status=sleeping")
                        .answers(400, "'sleeping' is not a campaign status"),
                get("an unknown run state", "/campaigns/{running}/runs/page?state=sleeping")
                        .answers(400, "'sleeping' is not a run state"),
                get("an unknown sort column", "/campaigns/{running}/runs/page?sort=colour")
                        .answers(400, "Runs can be sorted by attempts, durationMs"),
                get("a sort direction that is not true or false", "/campaigns/{running}/runs/page?desc=maybe")
                        .answers(400, "desc must be true or false, not 'maybe'"),
                get("a path nothing answers", "/campaigns/{running}/colours")
                        .answers(404, "There is nothing at GET /campaigns/{running}/colours"),
                Case.of("a method the path does not take", "PUT", "/campaigns/{running}").json("{}")
                        .answers(405, "/campaigns/{running} does not answer PUT"),
                Case.of("an answer type the service does not give", "GET", "/campaigns/{running}")
                        .header("Accept", "application/xml").answers(406, "'application/xml'"),
                Case.of("no token", "GET", "/campaigns").header("Authorization", NO_AUTH)
                        .answers(401, "This request needs a bearer token"),
                Case.of("a token signed by another key", "GET", "/campaigns")
                        .header("Authorization", "Bearer {forged}")
                        .answers(401, "The bearer token was refused"),
                Case.of("an expired token", "GET", "/campaigns")
                        .header("Authorization", "Bearer {expired}")
                        .answers(401, "The bearer token was refused"));
    }

    private static List<Case> changes() {
        return List.of(
                post("cancel of an unknown campaign", "/campaigns/no-such-campaign/cancel")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                post("retry of an unknown campaign", "/campaigns/no-such-campaign/retry-failed")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                post("cancel of a campaign that succeeded", "/campaigns/{succeeded}/cancel")
                        .answers(409, "has already ended with status SUCCEEDED"),
                post("cancel of a campaign that failed", "/campaigns/{failed}/cancel")
                        .answers(409, "has already ended with status FAILED"),
                post("retry of a campaign that succeeded", "/campaigns/{succeeded}/retry-failed")
                        .answers(409, "only the failed runs of a failed or running campaign can be retried"),
                post("retry of a campaign with no failed run", "/campaigns/{failed}/retry-failed")
                        .answers(409, "has no failed run to retry; it failed before its runs"),
                post("cancel of someone else's campaign", "/campaigns/{running}/cancel")
                        .header("Authorization", "Bearer {runner}")
                        .answers(403, "Only its owner or an admin may cancel campaign {running}"),
                post("retry by a viewer", "/campaigns/{running}/retry-failed").header("Authorization", "Bearer {viewer}")
                        .answers(403, "does not allow POST /campaigns/{running}/retry-failed"),
                Case.of("submission by a viewer", "POST", "/campaigns").header("Authorization", "Bearer {viewer}")
                        .json(with("config", "MM1")).answers(403, "does not allow POST /campaigns"));
    }

    private static List<Case> leases() {
        String leases = "/campaigns/{running}/leases";
        return List.of(
                post("lease without a token", leases).answers(401, "needs the campaign's lease token"),
                post("lease with a user's token", leases).header("Authorization", "Bearer {runner}")
                        .answers(403, "The lease token is not the one of campaign {running}"),
                post("lease with another campaign's token", leases).header("Authorization", "Bearer {otherToken}")
                        .answers(403, "The lease token is not the one of campaign {running}"),
                post("lease of an unknown campaign", "/campaigns/no-such-campaign/leases")
                        .header("Authorization", "Bearer {leaseToken}")
                        .answers(404, "No campaign has the id 'no-such-campaign'."),
                post("lease asking for no run", leases).header("Authorization", "Bearer {leaseToken}")
                        .header("X-Lease-Max", "0").answers(400, "Header X-Lease-Max must be at least 1, not 0."),
                post("lease asking for a word of runs", leases).header("Authorization", "Bearer {leaseToken}")
                        .header("X-Lease-Max", "many").answers(400, "Header X-Lease-Max must be a whole number"),
                post("lease for a worker with an overly long name", leases).header("Authorization", "Bearer {leaseToken}")
                        .header("X-Worker", "w".repeat(300))
                        .answers(400, "Header X-Worker must be at most 256 printable characters"),
                post("heartbeat of a lease id that is no id", leases + "/not-a-lease/heartbeat")
                        .header("Authorization", "Bearer {leaseToken}")
                        .answers(404, "Campaign {running} has no lease not-a-lease."),
                post("heartbeat of an unknown lease", leases + "/00000000-0000-0000-0000-000000000000/heartbeat")
                        .header("Authorization", "Bearer {leaseToken}")
                        .answers(404, "has no lease 00000000-0000-0000-0000-000000000000"),
                post("heartbeat with another campaign's token", leases + "/{lease}/heartbeat")
                        .header("Authorization", "Bearer {otherToken}").answers(403, "The lease token is not the one"),
                finish("finish without exit code").answers(400, "Header X-Exit-Code must be a whole number, not"),
                finish("finish with an exit code above 255").header("X-Exit-Code", "300")
                        .answers(400, "Header X-Exit-Code must be between 0 and 255, not 300."),
                finish("finish with a negative exit code").header("X-Exit-Code", "-1")
                        .answers(400, "Header X-Exit-Code must be between 0 and 255, not -1."),
                finish("finish with a negative duration").header("X-Exit-Code", "0").header("X-Duration-Ms", "-5")
                        .answers(400, "Header X-Duration-Ms must be 0 or more, not -5."),
                finish("finish with an unknown upload outcome").header("X-Exit-Code", "0")
                        .header("X-Upload", "probably-fine-i-think")
                        .answers(400, "Header X-Upload must be ok, failed or skipped, not 'probably-fine-i-think'."),
                finish("finish with a word of runs next").header("X-Exit-Code", "0").header("X-Next-Lease", "1")
                        .header("X-Lease-Max", "lots").answers(400, "Header X-Lease-Max must be a whole number"),
                finished("batch report with three fields", "{lease} 0 100\n")
                        .answers(400, "Line 1 of the report must be 'LEASE EXIT_CODE DURATION_MS UPLOAD'"),
                finished("batch report without a lease id", "lease-1 0 100 ok\n")
                        .answers(400, "Line 1 of the report does not start with a lease id"),
                finished("batch report with a word for the exit code", "{lease} zero 100 ok\n")
                        .answers(400, "The exit code on line 1 must be a whole number, not 'zero'."),
                finished("batch report with an exit code above 255", "{lease} 256 100 ok\n")
                        .answers(400, "The exit code on line 1 must be between 0 and 255, not 256."),
                finished("batch report with a negative duration", "{lease} 0 -1 ok\n")
                        .answers(400, "The duration on line 1 must be 0 or more, not -1."),
                finished("batch report with an unknown upload outcome", "{lease} 0 100 perhaps\n")
                        .answers(400, "The upload outcome on line 1 must be ok, failed or skipped, not 'perhaps'."),
                finished("batch report of a failed run", "{lease} 1 100 ok\n")
                        .answers(400, "did not succeed (exit code 1, upload ok)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnsweredWithAProblemAndLeavesNothingBehind(Case bad) {
        Fixtures f = fixtures();
        String before = snapshot(f);

        Answer answer = bad.headers().containsKey("Content-Length") ? sendDeclaringLength(bad, f) : send(bad, f);

        String detail = answer.detail();
        assertThat(answer.status()).as("status; detail: %s", detail).isEqualTo(bad.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(bad.status());
        assertThat(detail).contains(f.resolve(bad.detail()));
        assertThat(JAVA_NAMES.matcher(detail).find()).as("Java names in '%s'", detail).isFalse();
        assertThat(snapshot(f)).as("state after the call").isEqualTo(before);
    }

    @Test
    void theCatalogueHasAtLeastSixtyDistinctCases() {
        List<Case> all = cases().toList();
        assertThat(all.stream().map(Case::name).distinct()).hasSize(all.size());
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    }

    /** What the service answered. */
    record Answer(int status, String contentType, String body) {

        JsonPath json() {
            return JsonPath.from(body);
        }

        String detail() {
            return body == null || body.isEmpty() ? "(no body)" : String.valueOf(json().getString("detail"));
        }
    }

    private static Answer send(Case bad, Fixtures f) {
        RequestSpecification request = given();
        bad.headers().forEach((key, value) -> {
            if (key.equals("Authorization") && value.equals(NO_AUTH)) {
                request.auth().none();
            } else {
                request.header(key, f.resolve(value));
            }
        });
        if (bad.contentType() != null) {
            request.contentType(bad.contentType()).body(f.resolve(bad.body()));
        }
        String path = f.resolve(bad.path());
        Response response = request.urlEncodingEnabled(!path.contains("%")).request(bad.method(), path);
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    /**
     * Sends only the head of a request that declares a body of {@code Content-Length} bytes, as a client that waits
     * for the answer to its headers does, and reads the answer.
     */
    private static Answer sendDeclaringLength(Case bad, Fixtures f) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(bad.method() + " " + f.resolve(bad.path()) + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\n")
                    .append("Authorization: Bearer ").append(TestTokens.of("tester", "admin")).append("\r\n")
                    .append("Content-Type: ").append(bad.contentType()).append("\r\n");
            bad.headers().forEach((key, value) -> head.append(key).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            List<String> lines = answer.substring(0, end).lines().toList();
            String type = lines.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("");
            return new Answer(Integer.parseInt(lines.get(0).split(" ")[1]), type, answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- how the cases are written

    private static Case submit(String name, String json) {
        return Case.of(name, "POST", "/campaigns").json(json);
    }

    private static Case get(String name, String path) {
        return Case.of(name, "GET", path);
    }

    private static Case post(String name, String path) {
        return Case.of(name, "POST", path);
    }

    private static Case finish(String name) {
        return post(name, "/campaigns/{running}/leases/{lease}/finish").header("Authorization", "Bearer {leaseToken}")
                .body("text/plain", "End.");
    }

    private static Case finished(String name, String report) {
        return post(name, "/campaigns/{running}/leases/finished").header("Authorization", "Bearer {leaseToken}")
                .body("text/plain", report);
    }

    /** A valid submission (on the halted cluster) with {@code field} set to {@code value}. */
    private static String with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return json(body);
    }

    /** A valid submission with a precision target and {@code field} set to {@code value}. */
    private static String withTargets(String field, Object value) {
        Map<String, Object> body = valid();
        body.put("until", List.of("queueingTime:mean ci95<=2%"));
        body.put(field, value);
        return json(body);
    }

    private static String without(String field) {
        Map<String, Object> body = valid();
        body.remove(field);
        return json(body);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("repoUrl", StandIns.REPO + "queueing");
        body.put("config", "MM1");
        body.put("cluster", "halted");
        return body;
    }

    private static String json(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the campaigns the cases name, and what must not change

    /** The fixture campaigns and the values the cases' placeholders stand for. */
    record Fixtures(Map<String, String> values) {

        String id(String name) {
            return values.get(name);
        }

        String resolve(String text) {
            if (text == null) {
                return null;
            }
            String resolved = text;
            for (Map.Entry<String, String> value : values.entrySet()) {
                resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
            }
            return resolved;
        }
    }

    private static synchronized Fixtures fixtures() {
        if (fixtures == null) {
            RunToken tokens = new RunToken(StandIns.SECRET);
            String running = campaign(CampaignStatus.RUNNING, 3);
            String succeeded = campaign(CampaignStatus.SUCCEEDED, 1);
            String failed = campaign(CampaignStatus.FAILED, 0);
            String lease = openLease(running);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("running", running);
            values.put("succeeded", succeeded);
            values.put("failed", failed);
            values.put("lease", lease);
            values.put("leaseToken", tokens.signCampaign(running));
            values.put("otherToken", tokens.signCampaign(succeeded));
            values.put("runner", TestTokens.of("someone-else", "runner"));
            values.put("viewer", TestTokens.of("someone-else", "viewer"));
            values.put("expired", TestTokens.expired("tester", "admin"));
            values.put("forged", TestTokens.forged("mallory", "admin"));
            fixtures = new Fixtures(values);
        }
        return fixtures;
    }

    /**
     * A campaign in {@code status} with {@code runs} runs (SUCCEEDED ones when it succeeded, else PENDING), held by an
     * owner that is not this instance, so that no background work of the scheduler touches it during the test.
     */
    private static String campaign(CampaignStatus status, int runs) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.id = UUID.randomUUID().toString();
            c.cluster = "local";
            c.repoUrl = StandIns.REPO + "catalogue";
            c.config = "General";
            c.runCommand = "./sim";
            c.maxParallel = 1;
            c.retries = 1;
            c.status = status;
            c.submittedBy = "tester";
            c.submittedAt = Instant.now();
            c.totalRuns = runs;
            if (status.terminal()) {
                c.finishedAt = Instant.now();
                c.servicesRemoved = true;
                c.error = status == CampaignStatus.FAILED ? "The build failed: make: *** Error 1" : null;
            } else {
                c.startedAt = Instant.now();
            }
            c.persist();
            for (int n = 0; n < runs; n++) {
                Run run = new Run();
                run.campaignId = c.id;
                run.runNumber = n;
                run.state = status == CampaignStatus.SUCCEEDED ? RunState.SUCCEEDED : RunState.PENDING;
                run.persist();
            }
            Campaign.getEntityManager().flush();
            Campaign.getEntityManager().createNativeQuery("update campaign set owner = ?1, owner_until = ?2"
                    + " where id = ?3").setParameter(1, FIXTURE_OWNER)
                    .setParameter(2, Instant.now().plus(Duration.ofDays(1))).setParameter(3, c.id).executeUpdate();
            return c.id;
        });
    }

    /** Run 0 of the campaign leased by a worker, its lease open for a day; the lease id. */
    private static String openLease(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Run run = Run.find("campaignId = ?1 and runNumber = 0", campaignId).firstResult();
            run.state = RunState.RUNNING;
            run.attempts = 1;
            run.budgetUsed = 1;
            run.node = "node-a";
            run.startedAt = Instant.now();
            Attempt attempt = new Attempt();
            attempt.id = UUID.randomUUID();
            attempt.runId = run.id;
            attempt.campaignId = campaignId;
            attempt.runNumber = 0;
            attempt.number = 1;
            attempt.worker = "node-a/task-1";
            attempt.startedAt = Instant.now();
            attempt.expiresAt = Instant.now().plus(Duration.ofDays(1));
            attempt.persist();
            return attempt.id.toString();
        });
    }

    /** Everything a bad request could have changed: the number of campaigns, and the fixtures with their runs and leases. */
    private String snapshot(Fixtures f) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder state = new StringBuilder("campaigns=")
                    .append(entityManager.createNativeQuery("select count(*) from campaign").getSingleResult());
            for (String name : List.of("running", "succeeded", "failed")) {
                String id = f.id(name);
                state.append('\n').append(rows("select status, error, finished_at, total_runs, worker_generation"
                        + " from campaign where id = ?1", id));
                state.append('\n').append(rows("select run_number, state, attempts, budget_used, system_failures,"
                        + " node, exit_code, finished_at, error from run where campaign_id = ?1 order by run_number",
                        id));
                state.append('\n').append(rows("select id, finished_at, expires_at, outcome, exit_code, upload"
                        + " from attempt where campaign_id = ?1 order by id", id));
            }
            return state.toString();
        });
    }

    private String rows(String sql, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns
                ? IntStream.range(0, columns.length).mapToObj(i -> String.valueOf(columns[i]))
                        .collect(Collectors.joining("|"))
                : String.valueOf(row)).collect(Collectors.joining(";"));
    }

    @AfterAll
    static void removeFixtures() {
        if (fixtures == null) {
            return;
        }
        List<String> ids = List.of(fixtures.id("running"), fixtures.id("succeeded"), fixtures.id("failed"));
        QuarkusTransaction.requiringNew().run(() -> {
            Attempt.delete("campaignId in ?1", ids);
            Run.delete("campaignId in ?1", ids);
            Campaign.delete("id in ?1", ids);
        });
        fixtures = null;
    }
}
