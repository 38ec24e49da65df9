package io.simswarm.provisioner.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.provisioner.support.Clusters;
import io.simswarm.provisioner.support.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An EC2 error during an operation leaves the cluster FAILED with the AWS error code in its reason; it can be deleted. */
@QuarkusTest
class Ec2ErrorTest {

    @Test
    void ec2RefusalIsReportedWithItsCodeAndTheClusterCanStillBeDeleted() {
        String name = Clusters.uniqueName("err");
        String vpc = Moto.EC2.describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true"))).vpcs().get(0)
                .vpcId();
        String squatter = Moto.EC2.createSecurityGroup(r -> r.groupName("simswarm-" + name).description("in the way")
                .vpcId(vpc)).groupId();
        try {
            Clusters.create(Map.of("name", name, "provider", "aws", "workers", 1));
            JsonPath failed = Clusters.awaitState(name, "FAILED");
            assertThat(failed.getString("failureReason")).startsWith("CREATING failed: EC2 CreateSecurityGroup")
                    .contains("InvalidGroup.Duplicate");

            given().when().delete("/clusters/" + name).then().statusCode(202).body("state", equalTo("DELETING"));
            Clusters.awaitState(name, "DELETED");
            AwsLifecycleTest.assertNothingTaggedLeft(name);
        } finally {
            Clusters.deleteQuietly(name);
            Moto.EC2.deleteSecurityGroup(r -> r.groupId(squatter));
        }
    }
}
