package io.simswarm.results.upload;

import io.simswarm.events.ResultsStored;
import io.simswarm.results.omnetpp.RunHeader;
import io.simswarm.results.storage.UploadLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of an upload: its files unpacked in its own staging folder and its vectors read (both before the
 * transaction), then its upload location once the transaction has given it an upload id.
 */
final class StagedRun {

    private static final int EVENT_ERROR_LINES = 100;
    /** The file a runner writes next to the results: how the run was made. */
    static final String PROVENANCE_FILE = "simswarm-run.json";
    private static final long MAX_PROVENANCE_BYTES = 64 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final int runNumber;
    private final Path folder;
    private final List<StoredFile> files;
    private final ResultParsing parsing;
    private final List<VectorFile> vectors;
    private UploadLocation location;

    private StagedRun(int runNumber, Path folder, List<StoredFile> files, ResultParsing parsing,
            List<VectorFile> vectors) {
        this.runNumber = runNumber;
        this.folder = folder;
        this.files = files;
        this.parsing = parsing;
        this.vectors = vectors;
    }

    /** Reads the .vec files (and checks their .vci) of a run unpacked into {@code folder}. */
    static StagedRun read(int runNumber, Path folder, List<StoredFile> files) throws IOException {
        ResultParsing parsing = new ResultParsing(folder, files);
        return new StagedRun(runNumber, folder, files, parsing, parsing.vectors());
    }

    int runNumber() {
        return runNumber;
    }

    Path folder() {
        return folder;
    }

    List<StoredFile> files() {
        return files;
    }

    ResultParsing parsing() {
        return parsing;
    }

    List<VectorFile> vectors() {
        return vectors;
    }

    int vectorCount() {
        return vectors.stream().mapToInt(v -> v.vectors().size()).sum();
    }

    /**
     * The runner's account of the run ({@link #PROVENANCE_FILE}: command line, worker, start, end, exit code) as a
     * JSON object, or null when the upload has none or it is not a small JSON object.
     */
    String provenance() throws IOException {
        if (files.stream().noneMatch(f -> f.name().equals(PROVENANCE_FILE) && f.size() <= MAX_PROVENANCE_BYTES)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(folder.resolve(PROVENANCE_FILE).toFile());
            return json != null && json.isObject() ? json.toString() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The run header of the .sca files (parsed in the transaction), else of the first .vec file. */
    RunHeader header() {
        return parsing.headerOr(vectors);
    }

    UploadLocation location() {
        return location;
    }

    void allocate(UploadLocation allocated) {
        this.location = allocated;
    }

    UploadReceipt receipt() {
        return new UploadReceipt(location.campaignId(), runNumber, files, parsing.scalars(), parsing.statistics(),
                vectorCount(), parsing.errors().summary(ParseErrors.KEPT));
    }

    ResultsStored event() {
        return ResultsStored.of(location.campaignId(), runNumber, files.size(), parsing.scalars(),
                parsing.errors().summary(EVENT_ERROR_LINES));
    }
}
