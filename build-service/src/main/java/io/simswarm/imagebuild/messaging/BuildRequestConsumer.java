package io.simswarm.imagebuild.messaging;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.Topics;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildService;
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
    private final Inbox inbox;
    private final Pattern campaigns;

    public BuildRequestConsumer(BuildService builds, Inbox inbox, BuildConfig config) {
        this.builds = builds;
        this.inbox = inbox;
        this.campaigns = Pattern.compile(config.campaignPattern());
    }

    @Incoming(Topics.BUILD_REQUESTS)
    @Blocking
    @Transactional
    public void consume(BuildRequested request) {
        if (!inbox.accept(request, CONSUMER, this::served)) {
            return;
        }
        Build build = builds.accept(request);
        Log.infof("build request %s of campaign %s → build %s (%s)", request.eventId(), request.campaignId(),
                build.id, build.status);
    }

    /** Whether this instance serves the campaign of {@code request} ({@code simswarm.build.campaign-pattern}). */
    private boolean served(BuildRequested request) {
        if (request.campaignId() == null || !campaigns.matcher(request.campaignId()).matches()) {
            Log.debugf("build request %s is for campaign %s, which this instance does not serve", request.eventId(),
                    request.campaignId());
            return false;
        }
        return true;
    }
}
