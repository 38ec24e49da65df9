package io.simswarm.results.omnetpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties of the parsers of {@code .sca}, {@code .vec} and {@code .vci} files, checked by jqwik on damaged copies
 * ({@link Mutations}, one per generated seed) of the files real OMNeT++ 6.1 and 4.x wrote: a damaged file is read to
 * its end, what cannot be understood is reported as an error with its line number and a reason, and nothing else is
 * thrown. The number of tries bounds the time; the fixed seed makes every run of CI check the same copies, and a
 * failure names the seed of the copy.
 */
class ParserFuzzTest {

    private static final String RUN = "PureAlohaExperiment-numHosts=10,iaMean=2-#1";
    private static final byte[] SCA = read(ScaParserTest.OMNETPP_61.resolve(RUN + ".sca"));
    private static final byte[] SCA_V2 = read(ScaParserTest.V2.resolve("TokenRing-2.sca"));
    private static final byte[] VEC = read(ScaParserTest.OMNETPP_61.resolve(RUN + ".vec"));
    private static final byte[] VEC_V2 = read(ScaParserTest.V2.resolve("TokenRing-2.vec"));
    private static final byte[] VCI = read(ScaParserTest.OMNETPP_61.resolve(RUN + ".vci"));

    @Property(tries = 1500, seed = "20261207")
    void damagedScaFilesAreReadToTheEndWithLineNumberedErrors(@ForAll long seed) throws IOException {
        for (byte[] original : List.of(SCA, SCA_V2)) {
            byte[] damaged = Mutations.of(original, seed);
            Recorder recorder = new Recorder();
            try {
                new ScaParser(recorder).parse(new ByteArrayInputStream(damaged));
            } catch (RuntimeException e) {
                fail(".sca, damaged copy of seed %d: %s", seed, e, e);
            }
            assertErrorsAreLineNumbered(recorder.errors, damaged, ".sca seed " + seed);
        }
    }

    @Property(tries = 1500, seed = "20261207")
    void damagedVecFilesAreReadToTheEndWithLineNumberedErrors(@ForAll long seed) throws IOException {
        for (byte[] original : List.of(VEC, VEC_V2)) {
            byte[] damaged = Mutations.of(original, seed);
            List<String> errors = new ArrayList<>();
            try {
                new VecParser((line, reason) -> errors.add(line + ": " + reason)).parse(new ByteArrayInputStream(damaged));
            } catch (RuntimeException e) {
                fail(".vec, damaged copy of seed %d: %s", seed, e, e);
            }
            assertErrorsAreLineNumbered(errors, damaged, ".vec seed " + seed);
        }
    }

    @Property(tries = 1500, seed = "20261207")
    void aDamagedIndexOfAnIntactVecIsCheckedWithLineNumberedErrors(@ForAll long seed) throws IOException {
        List<VectorSummary> vectors = new VecParser((line, reason) -> fail("the intact .vec has an error: " + reason))
                .parse(new ByteArrayInputStream(VEC));
        byte[] damaged = Mutations.of(VCI, seed);
        List<String> errors = new ArrayList<>();
        try {
            new VciChecker(vectors, VEC.length, (line, reason) -> errors.add(line + ": " + reason))
                    .check(new ByteArrayInputStream(damaged));
        } catch (RuntimeException e) {
            fail(".vci, damaged copy of seed %d: %s", seed, e, e);
        }
        assertErrorsAreLineNumbered(errors, damaged, ".vci seed " + seed);
    }

    @Example
    void theUndamagedFilesHaveNoErrors() throws IOException {
        Recorder recorder = new Recorder();
        new ScaParser(recorder).parse(new ByteArrayInputStream(SCA));
        assertThat(recorder.errors).isEmpty();
        assertThat(recorder.scalars).isNotEmpty();
    }

    /** Each error is {@code LINE: reason} with a line of the file (or the one after its end) and a reason. */
    private static void assertErrorsAreLineNumbered(List<String> errors, byte[] file, String what) {
        long lines = 1;
        for (byte b : file) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        for (String error : errors) {
            int colon = error.indexOf(": ");
            assertThat(colon).as("%s: %s", what, error).isPositive();
            long line = Long.parseLong(error.substring(0, colon));
            assertThat(line).as("%s: %s", what, error).isBetween(0L, lines);
            assertThat(error.substring(colon + 2)).as("%s: %s", what, error).isNotBlank();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
