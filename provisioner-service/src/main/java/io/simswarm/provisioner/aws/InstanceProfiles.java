package io.simswarm.provisioner.aws;

import static io.simswarm.provisioner.aws.AwsFailure.call;
import static io.simswarm.provisioner.aws.AwsFailure.run;

import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Least-privilege instance profiles: the manager may read and write the cluster's SSM parameters (it publishes the
 * join token), workers may only read the join token and the manager's address.
 */
final class InstanceProfiles {

    private static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String POLICY_NAME = "simswarm-parameters";

    private final IamClient iam;
    private final AwsNames names;
    private final String region;

    InstanceProfiles(IamClient iam, AwsNames names, String region) {
        this.iam = iam;
        this.names = names;
        this.region = region;
    }

    /** Makes role, policy and instance profile of {@code role} (manager or worker) if missing; returns the profile name. */
    String ensure(String role) {
        String name = names.iamName(role);
        if (!exists(name)) {
            run("IAM CreateRole", () -> iam.createRole(request -> request.roleName(name)
                    .assumeRolePolicyDocument(TRUST_POLICY).tags(tags(role))
                    .description("SimSwarm cluster " + names.cluster() + " " + role + " nodes")));
        }
        run("IAM PutRolePolicy", () -> iam.putRolePolicy(request -> request.roleName(name)
                .policyName(POLICY_NAME).policyDocument(policy(role))));
        boolean profileExists = !call("IAM ListInstanceProfilesForRole", () -> iam.listInstanceProfilesForRole(
                request -> request.roleName(name)).instanceProfiles()).isEmpty();
        if (!profileExists) {
            try {
                run("IAM CreateInstanceProfile", () -> iam.createInstanceProfile(request -> request
                        .instanceProfileName(name).tags(tags(role))));
            } catch (AwsFailure e) {
                if (!e.is("EntityAlreadyExists")) {
                    throw e;
                }
            }
            run("IAM AddRoleToInstanceProfile", () -> iam.addRoleToInstanceProfile(request -> request
                    .instanceProfileName(name).roleName(name)));
        }
        return name;
    }

    /** The policy document of {@code role}; the SecureString uses the account's aws/ssm key, usable through SSM. */
    String policy(String role) {
        String base = "arn:aws:ssm:" + region + ":*:parameter" + names.parameterPath();
        List<String> actions = AwsNames.MANAGER.equals(role)
                ? List.of("ssm:GetParameter", "ssm:PutParameter")
                : List.of("ssm:GetParameter");
        List<String> resources = AwsNames.MANAGER.equals(role)
                ? List.of(base + "/*")
                : List.of(base + "/join-token-worker", base + "/manager-address");
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + json(actions)
                + ",\"Resource\":" + json(resources) + "}]}";
    }

    /** Removes profile, policy and role of {@code role}; what is missing already is skipped. */
    void delete(String role) {
        String name = names.iamName(role);
        ignoreMissing(() -> iam.removeRoleFromInstanceProfile(request -> request.instanceProfileName(name)
                .roleName(name)), "IAM RemoveRoleFromInstanceProfile");
        ignoreMissing(() -> iam.deleteInstanceProfile(request -> request.instanceProfileName(name)),
                "IAM DeleteInstanceProfile");
        ignoreMissing(() -> iam.deleteRolePolicy(request -> request.roleName(name).policyName(POLICY_NAME)),
                "IAM DeleteRolePolicy");
        ignoreMissing(() -> iam.deleteRole(request -> request.roleName(name)), "IAM DeleteRole");
    }

    boolean exists(String name) {
        try {
            run("IAM GetRole", () -> iam.getRole(request -> request.roleName(name)));
            return true;
        } catch (AwsFailure e) {
            if (e.is("NoSuchEntity")) {
                return false;
            }
            throw e;
        }
    }

    boolean profileExists(String name) {
        try {
            run("IAM GetInstanceProfile", () -> iam.getInstanceProfile(request -> request.instanceProfileName(name)));
            return true;
        } catch (AwsFailure e) {
            if (e.is("NoSuchEntity")) {
                return false;
            }
            throw e;
        }
    }

    private List<Tag> tags(String role) {
        return List.of(Tag.builder().key(AwsNames.CLUSTER_TAG).value(names.cluster()).build(),
                Tag.builder().key(AwsNames.ROLE_TAG).value(role).build());
    }

    private static void ignoreMissing(Runnable call, String action) {
        try {
            run(action, call);
        } catch (AwsFailure e) {
            if (!e.is("NoSuchEntity")) {
                throw e;
            }
        }
    }

    private static String json(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").reduce((a, b) -> a + "," + b)
                .map(joined -> "[" + joined + "]").orElse("[]");
    }
}
