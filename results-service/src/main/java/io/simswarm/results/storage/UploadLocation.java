package io.simswarm.results.storage;

/** Where the files of one upload of one run live in the store. */
public record UploadLocation(String campaignId, int runNumber, long uploadId) {

    /** Relative key of the upload's folder: {@code CAMPAIGN/RUN/UPLOAD}. */
    public String prefix() {
        return campaignId + "/" + runNumber + "/" + uploadId;
    }
}
