package io.simswarm.results.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

    @Test
    void quotesOnlyWhereRfc4180NeedsItAndWritesNumbersPlainly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvTableWriter csv = new CsvTableWriter(bytes)) {
            csv.start(List.of("name", TableWriter.ITERVARS, "value", "attributes", "count"), List.of("n", "name"));
            csv.text("name", "a, \"b\"\nc");
            csv.itervars(new String[] {"name"}, new String[] {"x"});
            csv.number("value", Double.NaN);
            csv.json("attributes", "{\"unit\":\"s\"}");
            csv.integer("count", null);
            csv.endRow();
            csv.text("name", "plain");
            csv.itervars(new String[] {"n", "name"}, new String[] {"1.5s", " padded"});
            csv.number("value", Double.NEGATIVE_INFINITY);
            csv.integer("count", 3L);
            csv.endRow();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("name,n,itervar_name,value,count\r\n"
                + "\"a, \"\"b\"\"\nc\",,x,NaN,\r\n"
                + "plain,1.5s,\" padded\",-inf,3\r\n");
    }

    @Test
    void formatsNumbersForPandas() {
        assertThat(CsvTableWriter.format(600.0)).isEqualTo("600");
        assertThat(CsvTableWriter.format(-2.0)).isEqualTo("-2");
        assertThat(CsvTableWriter.format(0.17119726010731)).isEqualTo("0.17119726010731");
        assertThat(CsvTableWriter.format(1e-6)).isEqualTo("1.0E-6");
        assertThat(CsvTableWriter.format(1e20)).isEqualTo("1.0E20");
        assertThat(CsvTableWriter.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }
}
