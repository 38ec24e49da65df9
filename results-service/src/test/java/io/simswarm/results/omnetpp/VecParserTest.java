package io.simswarm.results.omnetpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VecParserTest {

    private static final Path VEC = ScaParserTest.OMNETPP_61.resolve("PureAlohaExperiment-numHosts=10,iaMean=2-#1.vec");
    private static final Path VCI = ScaParserTest.OMNETPP_61.resolve("PureAlohaExperiment-numHosts=10,iaMean=2-#1.vci");

    private final List<String> errors = new ArrayList<>();

    @Test
    void summarisesTheOmnetpp61SampleInOnePass() throws IOException {
        VecParser parser = new VecParser((line, reason) -> errors.add(line + ": " + reason));
        List<VectorSummary> vectors = parser.parse(Files.newInputStream(VEC));

        assertThat(errors).isEmpty();
        assertThat(parser.header().itervars()).containsKeys("iaMean", "numHosts");
        assertThat(vectors).hasSize(11);
        VectorSummary server = vectors.get(0);
        assertThat(server.module()).isEqualTo("Aloha.server");
        assertThat(server.name()).isEqualTo("serverChannelState:vector");
        assertThat(server.columns()).isEqualTo("ETV");
        assertThat(server.attributes()).containsEntry("title", "Channel state").containsEntry("enum",
                "IDLE=0,TRANSMISSION=1,COLLISION=2");
        // the .vci block line of vector 0: 0 2763 119259 0 10340 0 599.759956981779 4655 0 2 3875 5939
        assertThat(server.count()).isEqualTo(4655);
        assertThat(server.min()).isEqualTo(0);
        assertThat(server.max()).isEqualTo(2);
        assertThat(server.sum()).isEqualTo(3875);
        assertThat(server.mean()).isCloseTo(3875.0 / 4655, org.assertj.core.data.Offset.offset(1e-12));
        double variance = (5939 - 3875.0 * 3875 / 4655) / 4654;
        assertThat(server.stddev()).isCloseTo(Math.sqrt(variance), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(server.firstTime()).isEqualTo(0);
        assertThat(server.lastTime()).isEqualTo(599.759956981779);
        assertThat(server.firstEvent()).isEqualTo(0);
        assertThat(server.lastEvent()).isEqualTo(10340);
        assertThat(server.blockOffsets()).containsExactly(2763);
        assertThat(server.blockLengths()).containsExactly(119259);
    }

    @Test
    void blockOffsetsMatchTheIndex() throws IOException {
        List<VectorSummary> vectors = new VecParser((line, reason) -> errors.add(reason))
                .parse(Files.newInputStream(VEC));
        new VciChecker(vectors, Files.size(VEC), (line, reason) -> errors.add(line + ": " + reason))
                .check(Files.newInputStream(VCI));
        assertThat(errors).isEmpty();

        for (String line : Files.readAllLines(VCI)) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                String[] f = line.split("[ \t]+");
                VectorSummary v = vectors.get(Integer.parseInt(f[0]));
                assertThat(v.blockOffsets()).containsExactly(Long.parseLong(f[1]));
                assertThat(v.blockLengths()).containsExactly(Long.parseLong(f[2]));
                assertThat(v.count()).isEqualTo(Long.parseLong(f[7]));
                assertThat(firstLineAt(Long.parseLong(f[1]))).startsWith(f[0] + "\t");
            }
        }
    }

    private static String firstLineAt(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(VEC.toFile(), "r")) {
            file.seek(offset);
            return file.readLine();
        }
    }

    @Test
    void reportsAStaleOrWrongIndex() throws IOException {
        List<VectorSummary> vectors = new VecParser((line, reason) -> errors.add(reason))
                .parse(Files.newInputStream(VEC));
        new VciChecker(vectors, Files.size(VEC) - 10, (line, reason) -> errors.add(line + ": " + reason))
                .check(Files.newInputStream(VCI));
        assertThat(errors).singleElement().asString().contains("the index was written for a .vec file of 268465 bytes");

        errors.clear();
        String wrongIndex = "file 268465 1795599423\nversion 3\nvector 0 Aloha.server x ETV\n"
                + "0\t100 50 0 1 0 1 5 0 1 1 1\n";
        new VciChecker(vectors, Files.size(VEC), (line, reason) -> errors.add(line + ": " + reason))
                .check(new ByteArrayInputStream(wrongIndex.getBytes(StandardCharsets.UTF_8)));
        assertThat(errors).anyMatch(e -> e.startsWith("4: index block of vector 0 at offset 100"))
                .anyMatch(e -> e.contains("the index counts 0 values of vector 3, the .vec file has"));
    }

    @Test
    void readsVersion2VectorsWithTvAndEtvColumnsAndInterleavedLines() throws IOException {
        VecParser parser = new VecParser((line, reason) -> errors.add(line + ": " + reason));
        List<VectorSummary> vectors = parser.parse(Files.newInputStream(ScaParserTest.V2.resolve("TokenRing-2.vec")));

        assertThat(errors).isEmpty();
        assertThat(vectors).hasSize(2);
        VectorSummary delay = vectors.get(0);
        assertThat(delay.name()).isEqualTo("end-to-end delay");
        assertThat(delay.attributes()).containsEntry("unit", "s");
        assertThat(delay.count()).isEqualTo(3);
        assertThat(delay.mean()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(delay.stddev()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(delay.firstEvent()).isEqualTo(3);
        assertThat(delay.lastTime()).isEqualTo(2.0);
        assertThat(delay.blockOffsets()).hasSize(2);
        VectorSummary other = vectors.get(1);
        assertThat(other.columns()).isEqualTo("TV");
        assertThat(other.count()).isEqualTo(2);
        assertThat(other.mean()).isNaN();
        assertThat(other.firstEvent()).isEqualTo(-1);
        assertThat(other.firstTime()).isEqualTo(1.5);
    }

    @Test
    void reportsBadDataLines() throws IOException {
        String vec = "version 3\nvector 0 m v ETV\n0\t1\t0.5\t1\n7\t1\t0.5\t1\n0\t2\t0.6\n0\t3\tabc\t1\n"
                + "vector 1 m w XY\n0\t4\t0.7\t3\n";
        List<VectorSummary> vectors = new VecParser((line, reason) -> errors.add(line + ": " + reason))
                .parse(new ByteArrayInputStream(vec.getBytes(StandardCharsets.UTF_8)));
        assertThat(vectors).singleElement().satisfies(v -> assertThat(v.count()).isEqualTo(2));
        assertThat(errors).containsExactly("4: data line of vector 7, which is not declared",
                "5: vector 0 has columns ETV but the line has 2 values", "6: 'abc' is not a number",
                "7: vector columns 'XY' are not a combination of E, T and V with V");
    }

    @Test
    void mergesTheRangesOfAVectorSpreadOverTooManyBlocks() throws IOException {
        StringBuilder vec = new StringBuilder("version 3\nvector 0 m a TV\nvector 1 m b TV\n");
        for (int i = 0; i < VectorSummary.MAX_BLOCKS + 10; i++) {
            vec.append("0\t").append(i).append("\t1\n1\t").append(i).append("\t2\n");
        }
        List<VectorSummary> vectors = new VecParser((line, reason) -> errors.add(reason))
                .parse(new ByteArrayInputStream(vec.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(vectors.get(0).count()).isEqualTo(VectorSummary.MAX_BLOCKS + 10);
        assertThat(vectors.get(0).blockOffsets().length).isLessThanOrEqualTo(VectorSummary.MAX_BLOCKS);
        long last = vectors.get(0).blockOffsets()[vectors.get(0).blockOffsets().length - 1]
                + vectors.get(0).blockLengths()[vectors.get(0).blockLengths().length - 1];
        assertThat(last).isEqualTo(vec.length() - "1\t1033\t2\n".length());
    }
}
