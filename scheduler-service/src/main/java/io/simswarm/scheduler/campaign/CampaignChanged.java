package io.simswarm.scheduler.campaign;

/**
 * A campaign moved from one status to another; fired by {@link CampaignLifecycle} as a CDI event. Observers that act
 * outside the database (Docker, expansion) observe it after the transaction succeeded.
 *
 * @param campaignId the campaign
 * @param from       its status before
 * @param to         its status now
 */
public record CampaignChanged(String campaignId, CampaignStatus from, CampaignStatus to) {
}
