package io.simswarm.provisioner.cost;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up instance-hours per instance type and market and prices them with the configured table. */
@ApplicationScoped
public class CostService {

    private final ProvisionerConfig config;

    public CostService(ProvisionerConfig config) {
        this.config = config;
    }

    @Transactional
    public CostReport report(String name) {
        if (Cluster.findByName(name) == null) {
            throw ApiException.notFound("There is no cluster named '" + name + "'.");
        }
        Instant now = Instant.now();
        Map<String, List<InstanceUsage>> groups = new TreeMap<>();
        for (InstanceUsage usage : InstanceUsage.ofCluster(name)) {
            groups.computeIfAbsent(usage.instanceType + (usage.spot ? " spot" : ""), key -> new ArrayList<>())
                    .add(usage);
        }
        List<CostReport.Line> lines = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (List<InstanceUsage> group : groups.values()) {
            InstanceUsage first = group.get(0);
            double hours = group.stream().mapToDouble(usage -> usage.hours(now)).sum();
            long instances = group.stream().map(usage -> usage.instanceId).distinct().count();
            Double price = price(first.instanceType, first.spot);
            if (price == null && !unpriced.contains(first.instanceType)) {
                unpriced.add(first.instanceType);
            }
            lines.add(new CostReport.Line(first.instanceType, first.spot, instances, hours, price,
                    price == null ? null : hours * price));
        }
        double totalHours = lines.stream().mapToDouble(CostReport.Line::hours).sum();
        double estimate = lines.stream().filter(line -> line.cost() != null).mapToDouble(CostReport.Line::cost).sum();
        return new CostReport(name, "USD", lines, totalHours, estimate, unpriced, now);
    }

    private Double price(String instanceType, boolean spot) {
        Double onDemand = config.prices().get(instanceType);
        if (onDemand == null) {
            return null;
        }
        return spot ? onDemand * config.spotPriceFactor() : onDemand;
    }
}
