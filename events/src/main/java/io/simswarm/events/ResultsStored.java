package io.simswarm.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run's result files were stored and parsed by the results service.
 *
 * @param version     event format version, {@link EventVersion#CURRENT}
 * @param eventId     unique id of this event (a re-upload of the same run makes a new event)
 * @param campaignId  campaign of the run
 * @param runNumber   run number within the campaign's configuration
 * @param fileCount   number of files stored for the run
 * @param scalarCount number of scalars parsed from its .sca files
 * @param parseErrors one line per parse problem ("file:line: reason"); empty when all parsed
 * @param storedAt    when the upload was committed
 */
public record ResultsStored(
        int version,
        UUID eventId,
        String campaignId,
        int runNumber,
        int fileCount,
        long scalarCount,
        List<String> parseErrors,
        Instant storedAt) implements Event {

    public static ResultsStored of(String campaignId, int runNumber, int fileCount, long scalarCount,
            List<String> parseErrors) {
        return new ResultsStored(EventVersion.CURRENT, UUID.randomUUID(), campaignId, runNumber, fileCount,
                scalarCount, List.copyOf(parseErrors), Instant.now());
    }
}
