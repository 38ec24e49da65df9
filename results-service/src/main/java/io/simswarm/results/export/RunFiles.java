package io.simswarm.results.export;

import io.simswarm.results.upload.StoredFile;
import java.time.Instant;
import java.util.List;

/**
 * The current upload of one run.
 *
 * @param campaignId      the campaign
 * @param run             the run number
 * @param runId           OMNeT++ run id from the result files; null when they have none
 * @param uploadedAt      when the upload was stored
 * @param files           stored files
 * @param parseErrorCount number of lines that could not be parsed
 * @param parseErrors     the first of them (file, line, reason)
 */
public record RunFiles(String campaignId, int run, String runId, Instant uploadedAt, List<StoredFile> files,
        int parseErrorCount, List<ParseError> parseErrors) {

    /** A line of a result file that could not be parsed. */
    public record ParseError(String file, long line, String reason) {
    }
}
