package io.simswarm.provisioner.cost;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One interval during which an instance ran: opened when launched or started, closed when stopped or terminated. */
@Entity
@Table(name = "instance_usage")
public class InstanceUsage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String cluster;

    @Column(name = "instance_id")
    public String instanceId;

    @Column(name = "instance_type")
    public String instanceType;

    public boolean spot;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public static List<InstanceUsage> ofCluster(String cluster) {
        return list("cluster", cluster);
    }

    public static boolean isOpen(String instanceId) {
        return count("instanceId = ?1 and stoppedAt is null", instanceId) > 0;
    }

    public static List<InstanceUsage> openOf(List<String> instanceIds) {
        return list("instanceId in ?1 and stoppedAt is null", instanceIds);
    }

    /** Hours run so far; an open interval counts until {@code now}. */
    public double hours(Instant now) {
        Instant end = stoppedAt == null ? now : stoppedAt;
        return Duration.between(startedAt, end).toMillis() / 3_600_000.0;
    }
}
