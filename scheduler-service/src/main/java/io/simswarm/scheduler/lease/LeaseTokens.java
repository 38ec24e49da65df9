package io.simswarm.scheduler.lease;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.RunToken;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may speak the lease protocol: the workers of a campaign, which hold its lease token (HMAC of
 * {@code <campaignId>:lease}); each granted run comes with its own upload token.
 */
@ApplicationScoped
public class LeaseTokens {

    private final RunToken tokens;

    public LeaseTokens(SchedulerConfig config) {
        this.tokens = new RunToken(config.tokenSecret());
    }

    /** The token the workers of {@code campaignId} lease with. */
    public String leaseToken(String campaignId) {
        return tokens.signCampaign(campaignId);
    }

    /** The token run {@code runNumber} of {@code campaignId} uploads its results with. */
    String uploadToken(String campaignId, int runNumber) {
        return tokens.sign(campaignId, runNumber);
    }

    /**
     * The campaign, when {@code token} is its lease token (locked when {@code lock}); 404 for an unknown campaign,
     * 401 without a token, 403 for another campaign's token.
     */
    Campaign authorized(String campaignId, String token, boolean lock) {
        Campaign campaign = lock ? Campaign.lock(campaignId).orElse(null) : Campaign.findById(campaignId);
        if (campaign == null) {
            throw ApiException.notFound("No campaign has the id '" + campaignId + "'.");
        }
        if (token == null) {
            throw ApiException.unauthorized("A lease request needs the campaign's lease token as a Bearer token.");
        }
        if (!tokens.verifyCampaign(campaignId, token)) {
            throw ApiException.forbidden("The lease token is not the one of campaign " + campaignId + ".");
        }
        return campaign;
    }
}
