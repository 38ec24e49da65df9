package io.simswarm.results.upload;

import java.util.List;

/**
 * Answer to an accepted group upload.
 *
 * @param campaignId the campaign
 * @param runs       one receipt per run, in ascending run order, each as a single upload answers it
 */
public record GroupReceipt(String campaignId, List<UploadReceipt> runs) {
}
