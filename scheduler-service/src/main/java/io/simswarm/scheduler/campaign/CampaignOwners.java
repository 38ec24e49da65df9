package io.simswarm.scheduler.campaign;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which scheduler instance looks after which campaign, so that several instances can run side by side: the work done
 * for a campaign outside a request (its expansion, its worker services, their tracking, the clean-up after its end)
 * is done by its owner only. Ownership is a row lease in PostgreSQL ({@code campaign.owner}, {@code owner_until}):
 * every {@code ownership.interval} an instance renews its campaigns and claims those nobody holds (new ones, or those
 * whose owner stopped renewing: it died), up to its share of them, so a campaign is taken over within
 * {@code ownership.ttl} of its owner's death. Lease and finish calls of the workers are taken by any instance.
 */
@ApplicationScoped
public class CampaignOwners {

    /** The statuses in which a campaign needs looking after, as SQL. */
    private static final String LOOKED_AFTER = "(status in ('EXPANDING', 'RUNNING')"
            + " or (status in ('SUCCEEDED', 'FAILED', 'CANCELLED') and not services_removed))";

    private final SchedulerConfig config;
    private final EntityManager entityManager;
    private final String me;

    public CampaignOwners(SchedulerConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
        this.me = config.ownership().instanceName()
                .orElseGet(() -> hostName() + "/" + UUID.randomUUID().toString().substring(0, 8));
        Log.infof("this scheduler instance is %s", me);
    }

    /** This instance's name as an owner: host name and a random suffix. */
    public String me() {
        return me;
    }

    /**
     * Takes {@code campaignId} for this instance if nobody holds it (or this instance does already); in a
     * transaction of its own. True when this instance owns it now.
     */
    public boolean claim(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("update campaign"
                + " set owner = ?1, owner_until = ?2 where id = ?3 and (owner is null or owner = ?1"
                + " or owner_until < ?4)")
                .setParameter(1, me)
                .setParameter(2, Instant.now().plus(config.ownership().ttl()))
                .setParameter(3, campaignId)
                .setParameter(4, Instant.now())
                .executeUpdate() == 1);
    }

    /** The ids of the campaigns this instance owns now (of those that need looking after). */
    public List<String> mine() {
        return QuarkusTransaction.requiringNew().call(() -> ids("select id from campaign where owner = ?1 and"
                + " owner_until >= ?2 and " + LOOKED_AFTER, me, Instant.now()));
    }

    @Scheduled(every = "${simswarm.scheduler.ownership.interval:2s}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void round() {
        QuarkusTransaction.requiringNew().run(this::renewAndClaim);
    }

    private void renewAndClaim() {
        Instant now = Instant.now();
        Instant until = now.plus(config.ownership().ttl());
        int mine = entityManager.createNativeQuery("update campaign set owner_until = ?1 where owner = ?2 and "
                + LOOKED_AFTER).setParameter(1, until).setParameter(2, me).executeUpdate();
        long free = count("select count(*) from campaign where " + LOOKED_AFTER
                + " and (owner is null or owner_until < ?1)", now);
        if (free == 0) {
            return;
        }
        // each live instance's share of all campaigns that need looking after, rounded up
        long all = count("select count(*) from campaign where " + LOOKED_AFTER);
        long others = count("select count(distinct owner) from campaign where owner <> ?1 and owner_until >= ?2",
                me, now);
        long share = (all + others) / (others + 1);
        long take = Math.max(1, share - mine);
        List<String> claimed = ids("update campaign set owner = ?1, owner_until = ?2 where id in (select id from"
                + " campaign where " + LOOKED_AFTER + " and (owner is null or owner_until < ?3) order by submitted_at"
                + " limit ?4 for update skip locked) returning id", me, until, now, take);
        if (!claimed.isEmpty()) {
            Log.infof("now looking after %d more campaign(s): %s", claimed.size(), claimed);
        }
    }

    private long count(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "scheduler";
        }
    }
}
