package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

    private static ResultRows rows(String json) throws Exception {
        return ResultRows.of(new ObjectMapper().readTree(json));
    }

    @Test
    void keepsTheServicesColumnOrderWithItervarsInTheirPlaceAndOrderAndLeavesAttributesOut() throws Exception {
        ResultRows rows = rows("[{\"run\":0,\"repetition\":0,\"config\":\"MMc\",\"itervars\":{\"n\":\"1\","
                + "\"rho\":\"0.5\",\"repetition\":\"0\"},\"module\":\"Queueing.queue\",\"name\":\"served\","
                + "\"value\":1200.0,\"attributes\":{\"unit\":\"s\"}}]");

        assertThat(rows.header()).containsExactly("run", "repetition", "config", "n", "rho", "itervar_repetition",
                "module", "name", "value");
        assertThat(rows.table().render().lines()).containsExactly(
                "run  repetition  config  n  rho  itervar_repetition  module          name    value",
                "  0           0  MMc     1  0.5                   0  Queueing.queue  served   1200");
    }

    @Test
    void runsLeaveTheirAttributesAndConfigEntriesOutButKeepHistogramEdges() throws Exception {
        ResultRows runs = rows("[{\"run\":3,\"config\":\"Aloha\",\"itervars\":{\"numHosts\":\"10\"},"
                + "\"attributes\":{\"seedset\":\"3\"},\"files\":3,\"configEntries\":[[\"repeat\",\"2\"]]}]");
        assertThat(runs.header()).containsExactly("run", "config", "numHosts", "files");

        ResultRows statistics = rows("[{\"name\":\"h\",\"binedges\":[1.0,2.0],\"binvalues\":[4.0]}]");
        assertThat(statistics.csv()).isEqualTo("name,binedges,binvalues\r\nh,1.0 2.0,4.0\r\n");
    }

    @Test
    void aggregatesOverOneRepetitionShowNaNForStddevAndConfidenceInTableAndCsv() throws Exception {
        ResultRows rows = rows("[{\"config\":\"MMc\",\"itervars\":{\"rho\":\"0.5\"},\"module\":\"Q\",\"name\":\"x\","
                + "\"count\":1,\"mean\":0.25,\"stddev\":null,\"min\":0.25,\"max\":0.25,\"ci95HalfWidth\":null},"
                + "{\"config\":\"MMc\",\"itervars\":{\"rho\":\"0.7\"},\"module\":\"Q\",\"name\":\"x\",\"count\":1,"
                + "\"mean\":0.5,\"stddev\":\"NaN\",\"min\":0.5,\"max\":0.5,\"ci95HalfWidth\":\"NaN\"}]");

        assertThat(rows.table().render().lines()).containsExactly(
                "config  rho  module  name  count  mean  stddev   min   max  ci95HalfWidth",
                "MMc     0.5  Q       x         1  0.25     NaN  0.25  0.25            NaN",
                "MMc     0.7  Q       x         1   0.5     NaN   0.5   0.5            NaN");
        assertThat(rows.csv()).isEqualTo("config,rho,module,name,count,mean,stddev,min,max,ci95HalfWidth\r\n"
                + "MMc,0.5,Q,x,1,0.25,NaN,0.25,0.25,NaN\r\n"
                + "MMc,0.7,Q,x,1,0.5,NaN,0.5,0.5,NaN\r\n");
    }

    @Test
    void csvKeepsFullPrecisionQuotesWhereNeededAndWritesNonFiniteValuesAndBins() throws Exception {
        ResultRows rows = rows("[{\"run\":3,\"config\":\"A\",\"itervars\":{\"x\":\"1,5\"},\"module\":\"Net.\\\"a\\\"\","
                + "\"name\":\"hist\",\"mean\":0.123456789012,\"max\":\"Infinity\",\"min\":\"-Infinity\","
                + "\"binLowerBounds\":[\"-Infinity\",0.0,1.5],\"binCounts\":[0,3,4],\"file\":null}]");

        assertThat(rows.csv()).isEqualTo("run,config,x,module,name,mean,max,min,binLowerBounds,binCounts,file\r\n"
                + "3,A,\"1,5\",\"Net.\"\"a\"\"\",hist,0.123456789012,inf,-inf,-inf 0.0 1.5,0 3 4,\r\n");
        assertThat(rows.table().render().lines()).last().asString()
                .isEqualTo("  3  A       1,5  Net.\"a\"  hist  0.123457  inf  -inf  -inf,0,1.5      0,3,4         -");
    }

    @Test
    void rowsOfConfigsWithOtherItervarsShareTheColumns() throws Exception {
        ResultRows rows = rows("[{\"run\":0,\"itervars\":{\"n\":\"1\"},\"value\":1},"
                + "{\"run\":1,\"itervars\":{\"cap\":\"5\"},\"value\":2}]");

        assertThat(rows.header()).containsExactly("run", "n", "cap", "value");
        assertThat(rows.csv()).isEqualTo("run,n,cap,value\r\n0,1,,1\r\n1,,5,2\r\n");
    }

    @Test
    void emptyAnswerHasNoRows() throws Exception {
        assertThat(rows("[]").isEmpty()).isTrue();
    }
}
