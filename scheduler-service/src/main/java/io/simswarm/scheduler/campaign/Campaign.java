package io.simswarm.scheduler.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import io.simswarm.scheduler.point.Target;
import io.simswarm.scheduler.run.ExitRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign: one build of a project, one ini configuration and a run filter, expanded into runs. Its status changes
 * only through {@link CampaignLifecycle}.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public String id;
    public String cluster;
    public String repoUrl;
    /** Subject of the token that submitted the campaign (shown as owner); not the instance in {@code owner}. */
    public String submittedBy;
    public String ref;
    public String workdir;
    public String iniFile;
    public String config;
    public String runFilter;
    public String simArgs;
    public String baseImage;
    public String buildCommand;
    public String runCommand;
    public int maxParallel;
    public int retries;
    public int runTimeoutSeconds;
    public double cpusPerRun;
    /** Most memory one run's container may use, in bytes. */
    public long memoryPerRun;
    /** The campaign's rules for failed attempts, first match wins; none: each failure class's default. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ExitRule> exitRules;
    /** Precision targets ({@code queueingTime:mean ci95<=2%}); null: the ini's repetitions, no more. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> until;
    /** Most repetitions of a parameter point when there are targets; null without. */
    public Integer maxRepetitions;
    /** A sample campaign runs only its first this many runs (the others are CANCELLED); null: every run. */
    public Integer sampleRuns;
    /** What the campaign was expected to take when it was submitted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Estimate estimate;

    /** Docker endpoint of the cluster, looked up at submission. */
    public String dockerHost;
    public boolean dockerTls;
    public String registry;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;
    public String error;
    public String buildId;
    @Column(name = "commit_sha")
    public String commit;
    public String image;
    /** Content digest of the image (the registry's manifest digest when pushed), as the build reported it. */
    public String imageDigest;
    /** Id of the base image the image was built on, as the build reported it. */
    public String baseImageDigest;
    /** What the simulation program answered to {@code -v} at expansion; null when it answered nothing. */
    public String simulatorVersion;
    /** Folder inside the image where the runs execute, as the build reported it. */
    public String imageWorkdir;
    public int totalRuns;
    /** Number of worker services created so far; names the current one. */
    public int workerGeneration;
    /** When the current worker service was created. */
    public Instant workersStartedAt;
    /** True once the services and containers of a finished campaign are gone. */
    public boolean servicesRemoved;

    public Instant submittedAt;
    public Instant buildFinishedAt;
    public Instant startedAt;
    public Instant finishedAt;

    /**
     * The simulation arguments of the campaign's runs: its own, and with precision targets the repetition count its
     * run numbers are reckoned with ({@code --repeat=maxRepetitions}).
     */
    public String runArgs() {
        if (maxRepetitions == null) {
            return simArgs;
        }
        String repeat = "--repeat=" + maxRepetitions;
        return simArgs == null ? repeat : simArgs + " " + repeat;
    }

    /** The campaign's precision targets, parsed; empty without. */
    public List<Target> targets() {
        return until == null ? List.of() : until.stream().map(Target::parse).toList();
    }

    /** The campaign, locked against concurrent changes until the transaction ends. */
    public static Optional<Campaign> lock(String id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
