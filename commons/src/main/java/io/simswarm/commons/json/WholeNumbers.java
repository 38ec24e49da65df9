package io.simswarm.commons.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A whole-number field of a request ({@code "workers": 1.5}) is refused instead of being cut to {@code 1}: Jackson
 * would otherwise drop the fraction without a word. The refusal becomes a 400 naming the field
 * ({@code ProblemMapper}).
 */
@Singleton
public class WholeNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
