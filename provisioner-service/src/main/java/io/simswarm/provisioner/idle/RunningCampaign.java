package io.simswarm.provisioner.idle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign submitted or started on a cluster and not yet finished, as announced on campaign-events. */
@Entity
@Table(name = "running_campaign")
public class RunningCampaign extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    public String cluster;

    public Instant since;

    public static long countOn(String cluster) {
        return count("cluster", cluster);
    }
}
