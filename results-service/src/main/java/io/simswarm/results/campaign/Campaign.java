package io.simswarm.results.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign whose results this service keeps: known from campaign-events or from a first upload. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public String id;

    public String cluster;

    /** Last status announced by the scheduler; null while only uploads are known. */
    public String status;

    @Column(name = "total_runs")
    public int totalRuns;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
