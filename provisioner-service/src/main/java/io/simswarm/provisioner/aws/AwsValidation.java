package io.simswarm.provisioner.aws;

import static io.simswarm.provisioner.aws.AwsFailure.call;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Checks a new EC2 cluster's region and instance types against EC2 itself (DescribeRegions,
 * DescribeInstanceTypes) before anything is made, so a typo is answered at once with EC2's error code.
 */
@ApplicationScoped
public class AwsValidation {

    private final AwsClients clients;
    private final ProvisionerConfig config;

    public AwsValidation(AwsClients clients, ProvisionerConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public void check(String region, String... instanceTypes) {
        clients.requireCredentials();
        List<String> regions = call("EC2 DescribeRegions", () -> clients.ec2(config.aws().region())
                .describeRegions(request -> request.allRegions(true)).regions()).stream()
                .map(Region::regionName).sorted().toList();
        if (!regions.contains(region)) {
            throw ApiException.badRequest("Unknown region '" + region + "': EC2 DescribeRegions lists no such region "
                    + "(known: " + String.join(", ", regions) + ").");
        }
        Set<String> types = new LinkedHashSet<>(List.of(instanceTypes));
        try {
            call("EC2 DescribeInstanceTypes", () -> clients.ec2(region).describeInstanceTypes(request -> request
                    .instanceTypesWithStrings(types)));
        } catch (AwsFailure e) {
            throw ApiException.badRequest("Instance types not available in " + region + ": " + e.getMessage() + ".");
        }
    }
}
