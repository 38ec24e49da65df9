package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.RunHeader;
import io.simswarm.results.omnetpp.VectorSummary;
import java.util.List;

/** A parsed .vec file of an upload: its path, its run header and its vector summaries. */
record VectorFile(String path, RunHeader header, List<VectorSummary> vectors) {
}
