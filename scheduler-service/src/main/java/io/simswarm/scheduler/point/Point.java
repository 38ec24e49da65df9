package io.simswarm.scheduler.point;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.simswarm.scheduler.run.Itervar;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A parameter point of a campaign with precision targets: its iteration variables without the repetition, and the
 * numbers of its runs as OMNeT++ numbers them with {@code --repeat=maxRepetitions} ({@code runNumbers[k]} is
 * repetition k). The runs released so far are the campaign's run rows with those numbers. Its state changes only
 * through {@link PointLedger}.
 */
@Entity
@Table(name = "point")
public class Point extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String campaignId;
    /** Order of the point in the campaign: the order of its first run. */
    public int position;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Itervar> itervars;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public int[] runNumbers;
    @Enumerated(EnumType.STRING)
    public PointState state;
    /** The targeted scalars at the latest evaluation; null before the first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Measure> measures;
    public Instant evaluatedAt;
}
