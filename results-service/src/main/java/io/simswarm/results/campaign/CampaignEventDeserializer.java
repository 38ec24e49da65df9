package io.simswarm.results.campaign;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.simswarm.events.CampaignEvent;

/** JSON to {@link CampaignEvent}. */
public class CampaignEventDeserializer extends ObjectMapperDeserializer<CampaignEvent> {

    public CampaignEventDeserializer() {
        super(CampaignEvent.class);
    }
}
