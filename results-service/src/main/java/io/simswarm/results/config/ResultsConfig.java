package io.simswarm.results.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the results service ({@code simswarm.results.*}). */
@ConfigMapping(prefix = "simswarm.results")
public interface ResultsConfig {

    /** Secret shared with the scheduler; upload tokens are verified with it. */
    String tokenSecret();

    /**
     * Key with which the other SimSwarm services read results without a bearer token (the scheduler's repetitions
     * until a confidence interval is tight); none set: no service call is accepted.
     */
    Optional<String> internalKey();

    /**
     * Largest accepted upload body, in bytes, of one run or of a whole group: applies to the gzip body and to the
     * unpacked archive.
     */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /**
     * Bytes that the uploads being unpacked at the same time may hold in the staging area together (default 4 GiB).
     * An upload that would go past it while others hold bytes is answered 503 with {@code Retry-After} (the runners
     * retry); one upload alone may always reach {@link #maxUploadBytes()}.
     */
    @WithDefault("4294967296")
    long stagingBudgetBytes();

    /** Largest number of files and folders in one run's archive (in each run folder of a group upload). */
    @WithDefault("100000")
    int maxFiles();

    /** Largest number of runs in one group upload. */
    @WithDefault("64")
    int maxGroupRuns();

    /** How long the files of a replaced upload stay readable for requests that started before the swap. */
    @WithDefault("15m")
    Duration supersededRetention();

    /** How often the files of replaced uploads are looked for and deleted. */
    Duration cleanupInterval();

    /** Time limit of the transaction that stores the parsed rows of one upload (of all runs of a group). */
    @WithDefault("10m")
    Duration uploadTransactionTimeout();

    /** Where the result files are kept. */
    Storage storage();

    /** The object store of result files. */
    interface Storage {

        /** {@code local} (a directory) or {@code s3}. */
        @WithDefault("local")
        Type type();

        /** Root directory of the local store; uploads are unpacked under it too. */
        Path dir();

        /** Where uploads are unpacked before they go to S3; the system temp directory when unset. */
        Optional<Path> stagingDir();

        /** The S3 bucket, used when {@code type = s3}. */
        S3 s3();
    }

    /** Kinds of object store. */
    enum Type {
        LOCAL, S3
    }

    /** S3 settings. */
    interface S3 {

        /** Bucket of the result files; created when missing. */
        @WithDefault("simswarm-results")
        String bucket();

        /** Key prefix of every object (e.g. {@code prod/}); empty for none. */
        Optional<String> prefix();

        /** Endpoint override (e.g. moto or MinIO); AWS's endpoint when unset. */
        Optional<URI> endpoint();

        /** AWS region. */
        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing ({@code endpoint/bucket/key}), needed by most S3 emulators. */
        @WithDefault("false")
        boolean pathStyle();

        /** Static access key id; the default AWS credential chain when unset. */
        Optional<String> accessKeyId();

        /** Static secret access key, with {@link #accessKeyId()}. */
        Optional<String> secretAccessKey();
    }
}
