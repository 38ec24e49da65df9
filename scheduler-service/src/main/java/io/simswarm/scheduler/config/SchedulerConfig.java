package io.simswarm.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the scheduler service ({@code simswarm.scheduler.*}). */
@ConfigMapping(prefix = "simswarm.scheduler")
public interface SchedulerConfig {

    /** Secret shared with the results service; signs each run's upload token and each campaign's lease token. */
    String tokenSecret();

    /** Base URL of the provisioner service, where cluster endpoints are looked up. */
    @WithDefault("http://127.0.0.1:8081")
    String provisionerUrl();

    /** Key sent as X-SimSwarm-Internal-Key when fetching a cluster's Docker TLS certificates from the provisioner. */
    @WithDefault("simswarm-internal-development-key")
    String internalKey();

    /**
     * Base URL of the results service as this scheduler reaches it (with the internal key), to read the confidence
     * intervals of campaigns that repeat their points until a target.
     */
    @WithDefault("http://127.0.0.1:8084")
    String resultsUrl();

    /** Base URL of the results service as the simulation tasks reach it; unset means http://127.0.0.1:8084. */
    Optional<String> taskResultsUrl();

    /** Base URL of this scheduler as the simulation tasks reach it; unset means http://127.0.0.1:<actual HTTP port>. */
    Optional<String> taskSchedulerUrl();

    /** Defaults for the fields a campaign request leaves out. */
    Defaults defaults();

    /** The Swarm services the scheduler creates. */
    Swarm swarm();

    /** The pilot lease protocol. */
    Lease lease();

    /** Which instance looks after which campaign when several run side by side. */
    Ownership ownership();

    /** Campaigns' owners among the scheduler instances ({@link io.simswarm.scheduler.campaign.CampaignOwners}). */
    interface Ownership {

        /** This instance's name as an owner; unset: its host name and a random suffix, new at every start. */
        Optional<String> instanceName();

        /** How long an owner holds a campaign without renewing it; after that another instance takes it over. */
        @WithDefault("10s")
        Duration ttl();

        /** How often an instance renews its campaigns and takes the ones nobody holds. */
        @WithDefault("2s")
        Duration interval();
    }

    /** Defaults of a campaign request. */
    interface Defaults {

        /** Cluster a campaign runs on when the request names none. */
        @WithDefault("local")
        String cluster();

        /** Program and fixed arguments of a run; fits INET built at the repository root. */
        @WithDefault("opp_run -l src/INET -n src:examples:showcases:tutorials")
        String runCommand();

        /** Number of runs executed at the same time. */
        @WithDefault("2")
        int maxParallel();

        /** How many times a failed run is tried again before it counts as failed. */
        @WithDefault("2")
        int retries();

        /** Seconds after which a run is killed (0 = no limit). */
        @WithDefault("3600")
        int runTimeoutSeconds();

        /** CPUs reserved on a node for each running run. */
        @WithDefault("1.0")
        double cpusPerRun();

        /** Most memory one run may use (its worker container's limit), as 512m, 2g, ... */
        @WithDefault("2g")
        String memoryPerRun();

        /** Most repetitions of a parameter point of a campaign that repeats its points until a target. */
        @WithDefault("50")
        int maxRepetitions();
    }

    /** Swarm services: networks, restarts, tracking. */
    interface Swarm {

        /**
         * Overlay network the task containers attach to (made if missing). They reach the lease and upload URLs
         * through it and nothing on the host's loopback: PostgreSQL, Kafka, the registry and the Docker API stay out
         * of a run's reach.
         */
        @WithDefault("simswarm-runs")
        String network();

        /** User ({@code uid:gid}) the runs and the expansion job run as: never root. */
        @WithDefault("1000:1000")
        String runUser();

        /** Most processes (and threads) one task container may have. */
        @WithDefault("1024")
        long pidsPerTask();

        /** Memory limit of the expansion job, which only lists the runs of a configuration. */
        @WithDefault("1g")
        String expansionMemory();

        /** How many times Swarm restarts a worker task that exited with an error. */
        @WithDefault("3")
        int workerRestarts();

        /** How many worker services a campaign may get (the first, and re-creations after all workers ended). */
        @WithDefault("10")
        int maxWorkerGenerations();

        /** Longest time the expansion job (listing the run numbers) may take, image start included. */
        @WithDefault("5m")
        Duration expansionTimeout();

        /** How often campaigns' worker tasks are checked. */
        @WithDefault("2s")
        Duration trackInterval();

        /** How long worker tasks may wait for a node before the campaign fails. */
        @WithDefault("2m")
        Duration unschedulableGrace();

        /** How long a campaign may be left without a live worker task before its workers are re-created. */
        @WithDefault("15s")
        Duration idleWorkersGrace();
    }

    /** Pilot leases. */
    interface Lease {

        /** Seconds between a worker's heartbeats; a lease expires after three missed heartbeats. */
        @WithDefault("10")
        int heartbeatSeconds();

        /** Seconds a worker waits before asking again when no run can be leased now. */
        @WithDefault("1")
        int waitSeconds();

        /** How often expired leases are looked for. */
        @WithDefault("2s")
        Duration sweepInterval();

        /**
         * How long a run whose attempt failed on a worker is left to the campaign's other workers before that worker
         * may take it again.
         */
        @WithDefault("10s")
        Duration retryElsewhereFor();

        /**
         * How many attempts of a run may be lost to the system (worker gone, results service out of reach) before
         * the run fails; such attempts spend none of the run's retry budget.
         */
        @WithDefault("5")
        int maxSystemFailures();

        /**
         * Lease the runs expected to take longest first, when earlier runs of the same configuration tell how long each
         * takes (less tail at the end of a campaign); false: lowest run numbers first.
         */
        @WithDefault("true")
        boolean longestFirst();

        /**
         * Most runs one lease answer grants, whatever a worker asks for with {@code X-Lease-Max}; 1 turns batches
         * off.
         */
        @WithDefault("16")
        int maxBatch();

        /**
         * How long a batch of short runs should keep a worker busy: a worker is granted as many runs as take about
         * this long, judged by the campaign's runs so far (runs longer than this go one by one).
         */
        @WithDefault("1s")
        Duration batchDuration();
    }
}
