package io.simswarm.scheduler.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.campaign.messaging.CampaignEvents;
import io.simswarm.scheduler.expansion.Expander;
import io.simswarm.scheduler.lease.LeaseService;
import io.simswarm.scheduler.tx.Background;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Picks up where a previous process left off: open leases get a full interval again (their workers could not
 * reach the scheduler while it was down), BUILDING campaigns ask for their build again (the build service answers
 * from its cache), EXPANDING campaigns are expanded again. RUNNING campaigns are looked after by the
 * {@link Tracker}, which re-creates their workers when none is left.
 */
@ApplicationScoped
public class Reconciler {

    private final LeaseService leases;
    private final CampaignEvents events;
    private final Expander expander;
    private final Background background;

    public Reconciler(LeaseService leases, CampaignEvents events, Expander expander, Background background) {
        this.leases = leases;
        this.events = events;
        this.expander = expander;
        this.background = background;
    }

    void onStart(@Observes StartupEvent start) {
        int renewed = leases.renewAll();
        List<Campaign> building = QuarkusTransaction.requiringNew().call(() -> {
            List<Campaign> found = Campaign.withStatus(CampaignStatus.BUILDING);
            found.forEach(events::requestBuild);
            return found;
        });
        List<Campaign> expanding = QuarkusTransaction.requiringNew().call(() -> Campaign.withStatus(
                CampaignStatus.EXPANDING));
        expanding.forEach(c -> background.run("expanding campaign " + c.id, () -> expander.expand(c.id)));
        if (renewed + building.size() + expanding.size() > 0) {
            Log.infof("resumed: %d open leases renewed, %d builds requested again, %d expansions restarted",
                    renewed, building.size(), expanding.size());
        }
    }
}
