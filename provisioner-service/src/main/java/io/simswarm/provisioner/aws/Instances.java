package io.simswarm.provisioner.aws;

import static io.simswarm.provisioner.aws.AwsFailure.call;
import static io.simswarm.provisioner.aws.AwsFailure.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.InstanceMarketOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;

/** The EC2 instances of one cluster, found by their tags. */
final class Instances {

    /** States of an instance that still exists (terminated ones linger in listings for a while). */
    private static final Set<InstanceStateName> ALIVE = Set.of(InstanceStateName.PENDING, InstanceStateName.RUNNING,
            InstanceStateName.STOPPING, InstanceStateName.STOPPED, InstanceStateName.SHUTTING_DOWN);

    private final Ec2Client ec2;
    private final AwsNames names;
    private final Duration timeout;
    private final Duration poll;

    Instances(Ec2Client ec2, AwsNames names, Duration timeout, Duration poll) {
        this.ec2 = ec2;
        this.names = names;
        this.timeout = timeout;
        this.poll = poll;
    }

    /** What one launch needs besides the count. */
    record LaunchSpec(String role, String ami, String instanceType, String securityGroupId, String subnetId,
            String keyName, String instanceProfile, String userData, boolean spot) {
    }

    /** Launches {@code count} instances; IAM profiles may take a while to be usable by EC2, so that is retried. */
    List<Instance> launch(LaunchSpec spec, int count) {
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .imageId(spec.ami()).instanceType(spec.instanceType())
                .minCount(count).maxCount(count)
                .securityGroupIds(spec.securityGroupId())
                .subnetId(spec.subnetId())
                .keyName(spec.keyName())
                .iamInstanceProfile(profile -> profile.name(spec.instanceProfile()))
                .userData(Base64.getEncoder().encodeToString(spec.userData().getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(names.tagSpecification(ResourceType.INSTANCE, spec.role()),
                        names.tagSpecification(ResourceType.VOLUME, spec.role()));
        if (spec.spot()) {
            // persistent + stop: a spot instance that can be halted and resumed like an on-demand one
            request.instanceMarketOptions(InstanceMarketOptionsRequest.builder().marketType(MarketType.SPOT)
                    .spotOptions(spot -> spot.spotInstanceType(SpotInstanceType.PERSISTENT)
                            .instanceInterruptionBehavior(InstanceInterruptionBehavior.STOP))
                    .build());
        }
        RunInstancesRequest built = request.build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                return call("EC2 RunInstances", () -> ec2.runInstances(built).instances());
            } catch (AwsFailure e) {
                boolean profileNotYetVisible = e.is("InvalidParameterValue") && e.getMessage().contains("iamInstanceProfile");
                if (!profileNotYetVisible || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** The cluster's instances that still exist, oldest first; {@code role} null for all. */
    List<Instance> alive(String role) {
        List<Filter> filters = role == null
                ? List.of(names.clusterFilter())
                : List.of(names.clusterFilter(), names.roleFilter(role));
        return call("EC2 DescribeInstances", () -> ec2.describeInstancesPaginator(request -> request.filters(filters))
                .reservations().stream()).map(Reservation::instances)
                .flatMap(List::stream)
                .filter(instance -> ALIVE.contains(instance.state().name()))
                .sorted(Comparator.comparing(Instance::launchTime).thenComparing(Instance::instanceId))
                .toList();
    }

    List<Instance> describe(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return call("EC2 DescribeInstances", () -> ec2.describeInstancesPaginator(request -> request.instanceIds(ids))
                .reservations().stream()).map(Reservation::instances).flatMap(List::stream).toList();
    }

    void stop(List<String> ids) {
        if (!ids.isEmpty()) {
            run("EC2 StopInstances", () -> ec2.stopInstances(request -> request.instanceIds(ids)));
        }
    }

    void start(List<String> ids) {
        if (!ids.isEmpty()) {
            run("EC2 StartInstances", () -> ec2.startInstances(request -> request.instanceIds(ids)));
        }
    }

    /** Terminates instances, cancelling the persistent spot requests behind them first so none is relaunched. */
    void terminate(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> spotRequests = describe(ids).stream().map(Instance::spotInstanceRequestId)
                .filter(id -> id != null && !id.isEmpty()).toList();
        if (!spotRequests.isEmpty()) {
            run("EC2 CancelSpotInstanceRequests", () -> ec2.cancelSpotInstanceRequests(request -> request
                    .spotInstanceRequestIds(spotRequests)));
        }
        run("EC2 TerminateInstances", () -> ec2.terminateInstances(request -> request.instanceIds(ids)));
    }

    /** Waits until every instance is in {@code state}; returns them as last described. */
    List<Instance> await(List<String> ids, InstanceStateName state) {
        return awaitAll(ids, instance -> instance.state().name() == state, "to reach state " + state);
    }

    private List<Instance> awaitAll(List<String> ids, Predicate<Instance> done, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Instance> instances = describe(ids);
            if (instances.size() == ids.size() && instances.stream().allMatch(done)) {
                return instances;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("instances " + ids + " did not " + what + " within " + timeout);
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for EC2", e);
        }
    }
}
