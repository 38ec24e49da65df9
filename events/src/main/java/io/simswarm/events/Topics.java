package io.simswarm.events;

/** Names of the Kafka topics the services talk over. */
public final class Topics {

    /** Scheduler asks the build service for an image: {@link BuildRequested}, keyed by campaign id. */
    public static final String BUILD_REQUESTS = "build-requests";
    /** Build service answers with the outcome: {@link BuildFinished}, keyed by campaign id. */
    public static final String BUILD_RESULTS = "build-results";
    /** Results service announces a run's stored and parsed files: {@link ResultsStored}, keyed by campaign id. */
    public static final String RESULTS_STORED = "results-stored";
    /** Scheduler announces campaign life-cycle changes: {@link CampaignEvent}, keyed by campaign id. */
    public static final String CAMPAIGN_EVENTS = "campaign-events";
    /** Provisioner announces cluster changes: {@link ClusterEvent}, keyed by cluster name. */
    public static final String CLUSTER_EVENTS = "cluster-events";

    private Topics() {
    }
}
