package io.simswarm.scheduler.support;

import io.simswarm.scheduler.campaign.CampaignChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link CampaignChanged} the moment it is fired, for tests of the campaign lifecycle. */
@ApplicationScoped
public class CampaignChanges {

    private final List<CampaignChanged> fired = new CopyOnWriteArrayList<>();

    void record(@Observes CampaignChanged change) {
        fired.add(change);
    }

    /** The changes fired for {@code campaignId}, in order. */
    public List<CampaignChanged> of(String campaignId) {
        return fired.stream().filter(c -> c.campaignId().equals(campaignId)).toList();
    }
}
