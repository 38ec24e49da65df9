package io.simswarm.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every end-to-end test class starts from: the four services as processes ({@link ServiceCluster}) and a git
 * copy of examples/queueing to run {@code simswarm} in.
 */
abstract class EndToEndTest {

    static Path root;
    static Path work;
    static Path project;
    static ServiceCluster services;

    @BeforeAll
    static void startServicesAndCreateProject() throws Exception {
        root = Path.of(System.getProperty("simswarm.root", "..")).toRealPath();
        work = Files.createTempDirectory("simswarm-e2e");
        project = ExampleProject.repository(root, work.resolve("queueing"));
        services = new ServiceCluster(root).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    /** The command line that runs the packaged {@code simswarm} with {@code arguments}. */
    static List<String> cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-jar",
                root.resolve("cli/target/simswarm.jar").toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
