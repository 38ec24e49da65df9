package io.simswarm.scheduler.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

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
 * @param maxParallel       runs executed at the same time
 * @param retries           further attempts of a failed run
 * @param runTimeoutSeconds seconds after which a run is killed (0 = none)
 * @param cpusPerRun        CPUs reserved on a node per running run
 */
public record CampaignRequest(
        String cluster,
        @NotBlank String repoUrl,
        String ref,
        String workdir,
        String iniFile,
        @NotBlank String config,
        String runFilter,
        String simArgs,
        String baseImage,
        String buildCommand,
        String runCommand,
        @Min(1) @Max(10_000) Integer maxParallel,
        @Min(0) @Max(100) Integer retries,
        @Min(0) Integer runTimeoutSeconds,
        @DecimalMin("0.0") Double cpusPerRun) {
}
