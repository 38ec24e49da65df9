package io.simswarm.scheduler.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.simswarm.scheduler.run.ExitRule;
import java.util.List;

/**
 * A campaign to submit. Only {@code repoUrl} and {@code config} are required; the others have defaults.
 *
 * @param cluster           cluster to run on (default {@code local})
 * @param repoUrl           git URL of the simulation project
 * @param ref               branch, tag or commit (default: the default branch)
 * @param workdir           folder inside the repository where the project is built and run (default: root)
 * @param iniFile           ini file, relative to the workdir (default: the program's, {@code omnetpp.ini})
 * @param config            ini configuration ({@code -c})
 * @param runFilter         run filter ({@code -r}): a list like {@code 0,2,5..9} or an expression; none = all runs
 * @param simArgs           extra simulation arguments in shell syntax, e.g. {@code --sim-time-limit=100s}
 * @param baseImage         image the project is built on (default: the build service's)
 * @param buildCommand      command that compiles the project (default: the build service's)
 * @param runCommand        program and fixed arguments of a run (default fits INET)
 * @param maxParallel       runs executed at the same time (1 to 10000)
 * @param retries           further attempts of a failed run (0 to 100)
 * @param runTimeoutSeconds seconds after which a run is killed (0 = none; at most ten years, the runner's limit)
 * @param cpusPerRun        CPUs reserved on a node per running run (0 = none reserved; at most 1024)
 * @param exitRules         rules for failed attempts (exit code or output glob → RETRY or EXIT), first match wins;
 *                          they override the defaults of the failure classes (a model error is not retried)
 * @param memoryPerRun      most memory a run may use, e.g. {@code 512m} or {@code 2g} (default 2g)
 * @param until             precision targets ({@code queueingTime:mean ci95<=2%}): each parameter point gets more
 *                          repetitions until all are met or it reaches {@code maxRepetitions}; none: the ini's
 * @param maxRepetitions    most repetitions of a point with {@code until} (2 to 1000, default 50)
 * @param sampleRuns        a sample: only the first N runs selected are run (1 to 100), the others recorded as
 *                          CANCELLED, so that an estimate has durations and the number of runs to go on
 */
public record CampaignRequest(
        @Pattern(regexp = "\\s*|[a-z][a-z0-9-]{0,39}", message = "must be 1 to 40 lowercase letters, digits or dashes,"
                + " starting with a letter") String cluster,
        @NotBlank @Size(max = MAX_URL, message = AT_MOST) String repoUrl,
        @Size(max = MAX_REF, message = AT_MOST) String ref,
        @Size(max = MAX_PATH, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE) String workdir,
        @Size(max = MAX_PATH, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE) String iniFile,
        @NotBlank @Size(max = MAX_CONFIG, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE)
        String config,
        @Size(max = MAX_COMMAND, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE)
        String runFilter,
        @Size(max = MAX_COMMAND, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE) String simArgs,
        @Size(max = MAX_IMAGE, message = AT_MOST) String baseImage,
        @Size(max = MAX_SCRIPT, message = AT_MOST) @Pattern(regexp = LINES, message = NOT_LINES) String buildCommand,
        @Size(max = MAX_COMMAND, message = AT_MOST) @Pattern(regexp = ONE_LINE, message = NOT_ONE_LINE)
        String runCommand,
        @Min(1) @Max(MAX_PARALLEL) Integer maxParallel,
        @Min(0) @Max(MAX_RETRIES) Integer retries,
        @Min(0) @Max(MAX_RUN_TIMEOUT_SECONDS) Integer runTimeoutSeconds,
        @DecimalMin("0") @DecimalMax(MAX_CPUS_PER_RUN) Double cpusPerRun,
        @Size(max = MAX_EXIT_RULES, message = "must hold at most {max} rules") List<ExitRule> exitRules,
        @Size(max = 32, message = AT_MOST) String memoryPerRun,
        @Size(max = MAX_TARGETS, message = "must hold at most {max} targets") List<String> until,
        @Min(2) @Max(MAX_REPETITIONS) Integer maxRepetitions,
        @Min(1) @Max(MAX_SAMPLE_RUNS) Integer sampleRuns) {

    /** Most runs of a campaign at the same time. */
    public static final int MAX_PARALLEL = 10_000;
    /** Most further attempts of a failed run. */
    public static final int MAX_RETRIES = 100;
    /** Longest run time limit: the runner takes at most ten years ({@code SIMSWARM_RUN_TIMEOUT}). */
    public static final int MAX_RUN_TIMEOUT_SECONDS = 315_360_000;
    /** Most CPUs reserved for one run: no machine Swarm could place it on has more. */
    public static final String MAX_CPUS_PER_RUN = "1024";
    /** Most precision targets of a campaign. */
    public static final int MAX_TARGETS = 8;
    /** Most repetitions of a parameter point of a campaign with precision targets. */
    public static final int MAX_REPETITIONS = 1000;
    /** Most runs of a sample campaign. */
    public static final int MAX_SAMPLE_RUNS = 100;
    /** Most exit rules of a campaign. */
    public static final int MAX_EXIT_RULES = 16;
    /** Longest repository URL. */
    public static final int MAX_URL = 2048;
    /** Longest git ref (branch, tag or commit). */
    public static final int MAX_REF = 255;
    /** Longest folder or file name inside the repository. */
    public static final int MAX_PATH = 1024;
    /** Longest ini configuration name (the column's width). */
    public static final int MAX_CONFIG = 256;
    /** Longest image reference. */
    public static final int MAX_IMAGE = 512;
    /** Longest one-line command, run filter or argument list; they travel in events and task environments. */
    public static final int MAX_COMMAND = 4096;
    /** Longest build command, which may be a script of several lines. */
    public static final int MAX_SCRIPT = 16_384;

    private static final String AT_MOST = "must be at most {max} characters";
    private static final String ONE_LINE = "[^\\p{Cntrl}]*";
    private static final String NOT_ONE_LINE = "must be one line without control characters";
    private static final String LINES = "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*";
    private static final String NOT_LINES = "must not contain control characters other than tabs and line breaks";
}
