package io.simswarm.provisioner.cost;

import java.time.Instant;
import java.util.List;

/**
 * What a cluster's instances have cost so far.
 *
 * @param cluster      cluster name
 * @param currency     currency of the prices (USD)
 * @param lines        one line per instance type and market (on demand or spot)
 * @param totalHours   instance-hours of all lines
 * @param estimate     sum of the priced lines' cost
 * @param unpriced     instance types without a price in the table (simswarm.provisioner.prices."TYPE")
 * @param at           when the report was made (running instances count until then)
 */
public record CostReport(String cluster, String currency, List<Line> lines, double totalHours, double estimate,
        List<String> unpriced, Instant at) {

    /**
     * @param instanceType  EC2 instance type
     * @param spot          spot instances
     * @param instances     number of distinct instances
     * @param hours         instance-hours
     * @param pricePerHour  price of one instance-hour (spot: on-demand price times the spot factor); null if unknown
     * @param cost          hours times price; null if the price is unknown
     */
    public record Line(String instanceType, boolean spot, long instances, double hours, Double pricePerHour,
            Double cost) {
    }
}
