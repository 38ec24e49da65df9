package io.simswarm.build.messaging;

import io.quarkus.logging.Log;
import io.simswarm.build.Build;
import io.simswarm.build.BuildService;
import io.simswarm.build.config.BuildConfig;
import io.simswarm.commons.messaging.ConsumedEvents;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.EventVersion;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link BuildRequested} from {@code build-requests}. The event id is recorded in the same transaction as
 * the queued build, so a redelivered request is skipped; identical requests with new ids share one image through
 * the cache.
 */
@ApplicationScoped
public class BuildRequestConsumer {

    static final String CONSUMER = "build-service";

    private final BuildService builds;
    private final ConsumedEvents consumed;
    private final Pattern campaigns;

    public BuildRequestConsumer(BuildService builds, ConsumedEvents consumed, BuildConfig config) {
        this.builds = builds;
        this.consumed = consumed;
        this.campaigns = Pattern.compile(config.campaignPattern());
    }

    @Incoming("build-requests")
    @Blocking
    @Transactional
    public void consume(BuildRequested request) {
        if (request == null || request.eventId() == null) {
            Log.warn("skipping a build request that is not a readable BuildRequested event");
            return;
        }
        if (request.version() != EventVersion.CURRENT) {
            Log.warnf("skipping build request %s of unknown version %d", request.eventId(), request.version());
            return;
        }
        if (request.campaignId() == null || !campaigns.matcher(request.campaignId()).matches()) {
            Log.debugf("build request %s is for campaign %s, which this instance does not serve", request.eventId(),
                    request.campaignId());
            return;
        }
        if (!consumed.firstDelivery(request.eventId(), CONSUMER)) {
            Log.infof("build request %s was delivered again; already handled", request.eventId());
            return;
        }
        Build build = builds.accept(request);
        Log.infof("build request %s of campaign %s → build %s (%s)", request.eventId(), request.campaignId(),
                build.id, build.status);
    }
}
