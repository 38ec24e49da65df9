package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import io.simswarm.cli.testing.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDownloadTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-30T08:15:02Z");

    @TempDir
    Path folder;

    private Path archive(byte[] zip) throws IOException {
        return Files.write(folder.resolve("results.zip"), zip);
    }

    @Test
    void unpacksLikeALocalResultsFolderKeepingModificationTimes() throws IOException {
        Path target = folder.resolve("results");
        Path zip = archive(Zips.of(WRITTEN, "results/", "", "results/MMc-n=1,rho=0.5-#0.sca", "version 3\n",
                "results/MMc-n=1,rho=0.5-#0.vci", "file 10 1764490502\n", "results/run-3/MMc.out", "End.\n"));

        int files = ResultsDownload.unpack(zip, target);

        assertThat(files).isEqualTo(3);
        assertThat(target.resolve("MMc-n=1,rho=0.5-#0.sca")).hasContent("version 3");
        assertThat(target.resolve("run-3/MMc.out")).hasContent("End.");
        for (String name : new String[] {"MMc-n=1,rho=0.5-#0.sca", "MMc-n=1,rho=0.5-#0.vci", "run-3/MMc.out"}) {
            assertThat(Files.getLastModifiedTime(target.resolve(name)).toInstant()).as(name).isEqualTo(WRITTEN);
        }
    }

    @Test
    void refusesAnArchiveWithAnEntryThatLeavesTheFolderAndUnpacksNothingOfIt() throws IOException {
        Path target = folder.resolve("results");
        Path zip = archive(Zips.of(WRITTEN, "results/good.sca", "version 3\n", "results/../../escaped.sca", "x"));

        assertThatThrownBy(() -> ResultsDownload.unpack(zip, target))
                .isInstanceOf(CliException.class)
                .hasMessage("the results archive has an entry outside the results folder: results/../../escaped.sca; "
                        + "nothing was unpacked");
        assertThat(target.resolve("good.sca")).doesNotExist();
        assertThat(folder.getParent().resolve("escaped.sca")).doesNotExist();
    }

    @Test
    void damagedArchiveIsOneLine() throws IOException {
        Path zip = archive("not a zip at all".getBytes());

        assertThatThrownBy(() -> ResultsDownload.unpack(zip, folder.resolve("results")))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("the results service sent a damaged results archive");
    }
}
