package io.simswarm.results.campaign;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.simswarm.events.BuildFinished;

/** JSON to {@link BuildFinished}. */
public class BuildFinishedDeserializer extends ObjectMapperDeserializer<BuildFinished> {

    public BuildFinishedDeserializer() {
        super(BuildFinished.class);
    }
}
