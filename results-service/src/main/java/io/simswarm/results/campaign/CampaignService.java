package io.simswarm.results.campaign;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
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
        entityManager.createNativeQuery("insert into campaign (id, cluster, status, total_runs, simulator_version, "
                + "created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, now(), now()) on conflict (id) do update set "
                + "cluster = coalesce(excluded.cluster, campaign.cluster), "
                + "status = coalesce(excluded.status, campaign.status), "
                + "total_runs = greatest(excluded.total_runs, campaign.total_runs), "
                + "simulator_version = coalesce(excluded.simulator_version, campaign.simulator_version), "
                + "updated_at = now()")
                .setParameter(1, event.campaignId())
                .setParameter(2, event.cluster())
                .setParameter(3, event.status())
                .setParameter(4, event.totalRuns())
                .setParameter(5, event.simulatorVersion())
                .executeUpdate();
    }

    /** Records how the campaign's image is to be built (repository without credentials, ref, build spec). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBuildRequest(BuildRequested event) {
        entityManager.createNativeQuery("insert into campaign (id, cluster, total_runs, created_at, updated_at, "
                + "repo_url, ref, workdir, base_image, build_command, build_requested_at) "
                + "values (?1, ?2, 0, now(), now(), ?3, ?4, ?5, ?6, ?7, ?8) on conflict (id) do update set "
                + "cluster = coalesce(campaign.cluster, excluded.cluster), repo_url = excluded.repo_url, "
                + "ref = excluded.ref, workdir = excluded.workdir, base_image = excluded.base_image, "
                + "build_command = excluded.build_command, build_requested_at = excluded.build_requested_at, "
                + "updated_at = now()")
                .setParameter(1, event.campaignId())
                .setParameter(2, event.cluster())
                .setParameter(3, Repositories.withoutCredentials(event.repoUrl()))
                .setParameter(4, event.ref())
                .setParameter(5, event.workdir())
                .setParameter(6, event.baseImage())
                .setParameter(7, event.buildCommand())
                .setParameter(8, event.requestedAt())
                .executeUpdate();
    }

    /** Records what the build resolved and produced: commit, image and its digests, whether an earlier build was reused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBuild(BuildFinished event) {
        entityManager.createNativeQuery("insert into campaign (id, total_runs, created_at, updated_at, build_id, "
                + "commit_sha, image, build_cached, build_finished_at, image_digest, base_image_digest) "
                + "values (?1, 0, now(), now(), ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (id) do update set "
                + "build_id = excluded.build_id, commit_sha = excluded.commit_sha, "
                + "image = excluded.image, build_cached = excluded.build_cached, "
                + "image_digest = excluded.image_digest, base_image_digest = excluded.base_image_digest, "
                + "build_finished_at = excluded.build_finished_at, updated_at = now()")
                .setParameter(1, event.campaignId())
                .setParameter(2, event.buildId())
                .setParameter(3, event.commit())
                .setParameter(4, event.image())
                .setParameter(5, event.cached())
                .setParameter(6, event.finishedAt())
                .setParameter(7, event.imageDigest())
                .setParameter(8, event.baseImageDigest())
                .executeUpdate();
    }
}
