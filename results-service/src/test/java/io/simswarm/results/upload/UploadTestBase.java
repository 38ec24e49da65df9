package io.simswarm.results.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.results.KafkaTopic;
import io.simswarm.results.config.ResultsConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Upload tests: the settings and beans they look at, and the {@code results-stored} topic read as they run. */
abstract class UploadTestBase {

    protected static KafkaTopic resultsStored;

    @Inject
    ResultsConfig config;

    @Inject
    SupersededUploadCleaner cleaner;

    @Inject
    ObjectMapper mapper;

    @Inject
    StagingBudget stagingBudget;

    @BeforeAll
    static void listen() {
        resultsStored = KafkaTopic.open("results-stored");
    }

    @AfterAll
    static void stop() {
        resultsStored.close();
    }
}
