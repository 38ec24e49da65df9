package io.simswarm.results.campaign;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.simswarm.events.BuildRequested;

/** JSON to {@link BuildRequested}. */
public class BuildRequestedDeserializer extends ObjectMapperDeserializer<BuildRequested> {

    public BuildRequestedDeserializer() {
        super(BuildRequested.class);
    }
}
