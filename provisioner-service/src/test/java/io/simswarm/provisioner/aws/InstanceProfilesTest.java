package io.simswarm.provisioner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceProfilesTest {

    private final InstanceProfiles profiles = new InstanceProfiles(null, new AwsNames("c1", "/simswarm"), "us-east-1");

    @Test
    void workersMayOnlyReadTheJoinTokenAndManagerAddress() {
        assertThat(profiles.policy("worker"))
                .contains("\"Action\":[\"ssm:GetParameter\"]")
                .contains("arn:aws:ssm:us-east-1:*:parameter/simswarm/c1/join-token-worker")
                .contains("arn:aws:ssm:us-east-1:*:parameter/simswarm/c1/manager-address")
                .doesNotContain("PutParameter").doesNotContain("/c1/*");
    }

    @Test
    void theManagerMayWriteItsClustersParametersOnly() {
        assertThat(profiles.policy("manager"))
                .contains("\"Action\":[\"ssm:GetParameter\",\"ssm:PutParameter\"]")
                .contains("\"Resource\":[\"arn:aws:ssm:us-east-1:*:parameter/simswarm/c1/*\"]");
    }
}
