package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDownloadTest {

    @TempDir
    Path target;

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void unpacksLikeALocalResultsFolder() throws IOException {
        int files = ResultsDownload.unpack(new ByteArrayInputStream(zip(
                "results/MMc-n=1,rho=0.5-#0.sca", "version 3\n", "results/MMc-n=1,rho=0.5-#0.out", "End.\n")),
                target);

        assertThat(files).isEqualTo(2);
        assertThat(target.resolve("MMc-n=1,rho=0.5-#0.sca")).hasContent("version 3");
        assertThat(target.resolve("MMc-n=1,rho=0.5-#0.out")).hasContent("End.");
    }

    @Test
    void refusesEntriesThatLeaveTheFolder() throws IOException {
        byte[] evil = zip("results/../../escaped.sca", "x");

        assertThatThrownBy(() -> ResultsDownload.unpack(new ByteArrayInputStream(evil), target))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("outside the results folder: results/../../escaped.sca");
        assertThat(Files.exists(target.getParent().resolve("escaped.sca"))).isFalse();
    }
}
