package io.simswarm.results.omnetpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScaParserTest {

    static final Path OMNETPP_61 = Path.of("src/test/resources/omnetpp-6.1");
    static final Path V2 = Path.of("src/test/resources/omnetpp-v2");

    private final Recorder recorder = new Recorder();

    private RunHeader parse(String text) throws IOException {
        return new ScaParser(recorder).parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheOmnetpp61Sample() throws IOException {
        RunHeader header = new ScaParser(recorder).parse(Files.newInputStream(
                OMNETPP_61.resolve("PureAlohaExperiment-numHosts=10,iaMean=2-#1.sca")));

        assertThat(recorder.errors).isEmpty();
        assertThat(header.version()).isEqualTo(3);
        assertThat(header.runId()).isEqualTo("PureAlohaExperiment-3-20261125-09:37:03-8");
        // the README of the sample says 17; the file has 18 config lines (sim-time-limit and Aloha.numHosts twice)
        assertThat(header.config()).hasSize(18);
        assertThat(header.config().get(2)).isEqualTo(entry("description",
                "Channel utilization in the function of packet generation frequency"));
        // itervar lines come sorted by name; the iterationvars attribute gives the ini order
        assertThat(header.itervars()).containsExactly(entry("numHosts", "10"), entry("iaMean", "2"));
        assertThat(header.configName()).isEqualTo("PureAlohaExperiment");
        assertThat(header.repetition()).isEqualTo(1);
        assertThat(header.attributes()).containsEntry("iterationvars", "$numHosts=10, $iaMean=2").hasSize(16);

        assertThat(recorder.scalars).hasSize(7);
        assertThat(recorder.scalars.get(0)).isEqualTo(new Recorder.Scalar("Aloha.server", "duration", 600, java.util.Map.of()));
        assertThat(recorder.scalars).filteredOn(s -> s.name().equals("channelUtilization:last")).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(0.18892014506432);
                    assertThat(s.attributes()).containsEntry("title", "channel utilization, last")
                            .containsEntry("interpolationmode", "linear");
                });

        assertThat(recorder.statistics).hasSize(2);
        Statistic length = recorder.statistics.get(0);
        assertThat(length.name()).isEqualTo("collisionLength:histogram");
        assertThat(length.fields()).containsEntry("count", 669.0).containsEntry("sqrsum", 21.739833545484).hasSize(7);
        assertThat(length.attributes()).containsEntry("title", "collision length");
        assertThat(length.binLowerBounds()[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(length.binLowerBounds()[1]).isEqualTo(0.03);
        assertThat(Arrays.stream(length.binCounts()).sum()).isEqualTo(669.0);
        assertThat(Arrays.stream(recorder.statistics.get(1).binCounts()).sum()).isEqualTo(669.0);

        assertThat(recorder.parameters).hasSize(118);
        assertThat(recorder.parameters.get(0)).isEqualTo(new Recorder.Parameter("Aloha.server", "typename",
                "\"Server\"", java.util.Map.of()));
        assertThat(recorder.parameters.get(1).attributes()).containsEntry("unit", "m");
    }

    @Test
    void readsVersion2Files() throws IOException {
        RunHeader header = new ScaParser(recorder).parse(Files.newInputStream(V2.resolve("TokenRing-2.sca")));

        assertThat(recorder.errors).isEmpty();
        assertThat(header.version()).isEqualTo(2);
        assertThat(header.itervars()).containsExactly(entry("numStations", "4"), entry("load", "0.5"));
        assertThat(header.repetition()).isEqualTo(1);
        assertThat(header.config()).containsExactly(entry("TokenRing.numStations", "4"), entry("**.load", "0.5"),
                entry("**.description", "a ring of \"stations\""));
        assertThat(recorder.scalars).extracting(Recorder.Scalar::name).containsExactly("end-to-end delay:mean",
                "end-to-end delay:max", "end-to-end delay:mean", "end-to-end delay:max", "throughput");
        assertThat(recorder.scalars.get(0).attributes()).containsEntry("unit", "s");
        assertThat(recorder.scalars.get(1).value()).isNaN();
        assertThat(recorder.scalars.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(recorder.scalars.get(4).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(recorder.statistics).hasSize(2);
        assertThat(recorder.statistics.get(0).binCounts()).containsExactly(0, 1, 1, 1, 1);
        assertThat(recorder.statistics.get(1).field("mean")).isNaN();
    }

    @Test
    void reportsMalformedLinesAndKeepsTheRest() throws IOException {
        parse("""
                version 3
                run r1
                attr configname C
                scalar m good 1
                attr unit s
                scalar m broken notanumber
                attr unit s
                scalar m short
                bogus line here
                attr orphan x
                scalar m "unterminated 2
                field count 3
                statistic m st
                field count 2
                field mean x
                bin 0 1
                bin 1
                scalar m last 4
                """);

        assertThat(recorder.scalars).extracting(Recorder.Scalar::name).containsExactly("good", "last");
        assertThat(recorder.scalars.get(0).attributes()).containsOnly(entry("unit", "s"));
        assertThat(recorder.statistics).singleElement().satisfies(s -> {
            assertThat(s.fields()).containsOnly(entry("count", 2.0));
            assertThat(s.binCounts()).containsExactly(1);
        });
        assertThat(recorder.errors).containsExactly(
                "6: 'notanumber' is not a number",
                "8: expected 'scalar MODULE NAME VALUE' (4 fields), found 3 fields",
                "9: unknown keyword 'bogus'",
                "11: unterminated quoted string",
                "12: field line outside a statistic",
                "15: 'x' is not a number",
                "17: expected 'bin LOWERBOUND COUNT' (3 fields), found 2 fields");
    }

    @Test
    void reportsAttributesWithoutOwner() throws IOException {
        parse("version 3\nattr orphan x\nrun r\nattr configname C\n");
        assertThat(recorder.errors).containsExactly("2: attr line without a run, scalar, statistic or vector before it");
    }

    @Test
    void rejectsUnknownVersionsButGoesOn() throws IOException {
        parse("version 7\nscalar m a 1\n");
        assertThat(recorder.errors).containsExactly("1: unsupported file format version 7 (versions 2 and 3 are known)");
        assertThat(recorder.scalars).hasSize(1);
    }

    @Test
    void keepsTheFirstRunHeaderOfAFileWithSeveralRuns() throws IOException {
        RunHeader header = parse("version 3\nrun a\nattr configname A\nscalar m x 1\nrun b\nattr configname B\n"
                + "scalar m x 2\n");
        assertThat(header.runId()).isEqualTo("a");
        assertThat(header.configName()).isEqualTo("A");
        assertThat(recorder.scalars).hasSize(2);
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void handlesCrLfLineEnds() throws IOException {
        parse("version 3\r\nrun a\r\nscalar m x 1.5\r\nattr unit s\r\n");
        assertThat(recorder.scalars).singleElement().isEqualTo(new Recorder.Scalar("m", "x", 1.5,
                java.util.Map.of("unit", "s")));
    }
}
