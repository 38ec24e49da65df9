package io.simswarm.results.upload;

import java.util.List;

/**
 * Answer to an accepted upload.
 *
 * @param campaignId     the campaign
 * @param runNumber      the run
 * @param files          the stored files with size and SHA-256
 * @param scalarCount    scalars parsed from the .sca files
 * @param statisticCount statistics parsed from the .sca files
 * @param vectorCount    vectors declared in the .vec files
 * @param parseErrors    one line per parse problem ({@code file:line: reason}); empty when everything parsed
 */
public record UploadReceipt(String campaignId, int runNumber, List<StoredFile> files, long scalarCount,
        int statisticCount, int vectorCount, List<String> parseErrors) {
}
