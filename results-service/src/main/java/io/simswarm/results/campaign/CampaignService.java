package io.simswarm.results.campaign;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.CampaignEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Which campaigns exist, as far as results are concerned. */
@ApplicationScoped
public class CampaignService {

    private final EntityManager entityManager;

    public CampaignService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The campaign, or 404 when neither an event nor an upload has mentioned it. */
    @Transactional
    public Campaign require(String campaignId) {
        CampaignIds.check(campaignId);
        Campaign campaign = Campaign.findById(campaignId);
        if (campaign == null) {
            throw ApiException.notFound("No campaign '" + campaignId + "' is known to the results service.");
        }
        return campaign;
    }

    /** Records what a campaign event says; an insert or an update, safe against a concurrent first upload. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CampaignEvent event) {
        entityManager.createNativeQuery("insert into campaign (id, cluster, status, total_runs, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, now(), now()) on conflict (id) do update set "
                + "cluster = coalesce(excluded.cluster, campaign.cluster), "
                + "status = coalesce(excluded.status, campaign.status), "
                + "total_runs = greatest(excluded.total_runs, campaign.total_runs), updated_at = now()")
                .setParameter(1, event.campaignId())
                .setParameter(2, event.cluster())
                .setParameter(3, event.status())
                .setParameter(4, event.totalRuns())
                .executeUpdate();
    }
}
