package io.simswarm.results.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COPY text a buffer writes (nothing is sent: no row reaches the flush size). */
class CopyBufferTest {

    private final CopyBuffer rows = new CopyBuffer(null, "scalar", "upload_id, module, name, value, attributes");

    @Test
    void escapesWhatCopyTextReservesAndEncodesUtf8() throws SQLException, IOException {
        rows.integer(7).text("Net.host[0]\tapp").text("a\\b\nc\rd").text(null).text("délai µs €").text("𝜇 and \uD800")
                .endRow();
        assertEquals("7\tNet.host[0]\\tapp\ta\\\\b\\nc\\rd\t\\N\tdélai µs €\t𝜇 and ?\n".replace("?", "\uFFFD"),
                rows.pending());
        assertEquals(1, rows.count());
    }

    @Test
    void aLongNonAsciiValueGrowsTheBufferAsItGoes() throws SQLException, IOException {
        String value = "é\\".repeat(10_000);
        rows.text(value).endRow();
        assertEquals(value.replace("\\", "\\\\") + "\n", rows.pending());
    }

    @Test
    void numbersGoOutAsWrittenWhenPostgresqlReadsTheSameDouble() throws SQLException, IOException {
        rows.number(0.1, "0.1").number(1.5e300, "1.5e+300").number(0, "0.000").number(0, "-0e5").endRow();
        assertEquals("0.1\t1.5e+300\t0.000\t-0e5\n", rows.pending());
    }

    @Test
    void numbersAreFormattedWhenTheTextWouldNotDo() throws SQLException, IOException {
        rows.number(Double.NaN, "nan").number(Double.NEGATIVE_INFINITY, "-inf").number(Double.POSITIVE_INFINITY, "1e400")
                .number(0, "1e-400").number(4.9e-320, "4.9e-320").number(2.5, null).endRow();
        assertEquals("NaN\t-Infinity\tInfinity\t0.0\t4.9E-320\t2.5\n", rows.pending());
    }

    @Test
    void arraysAndJson() throws SQLException, IOException {
        rows.numbers(new double[] {Double.NEGATIVE_INFINITY, 1, 2.5}).integers(new long[] {3, 40})
                .json(Map.of("unit", "s")).json(Map.of()).endRow();
        assertEquals("{-Infinity,1.0,2.5}\t{3,40}\t{\"unit\":\"s\"}\t\\N\n", rows.pending());
    }
}
