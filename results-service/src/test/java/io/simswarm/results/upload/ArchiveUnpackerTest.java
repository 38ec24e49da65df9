package io.simswarm.results.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.Archives;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveUnpackerTest {

    @TempDir
    Path into;

    private Path staged;

    private static Archives files(String... names) {
        Archives archive = new Archives();
        for (String name : names) {
            archive.file(name, "content of " + name);
        }
        return archive;
    }

    /** Unpacks into a new folder, {@link #staged}. */
    private Map<Integer, List<StoredFile>> unpack(ArchiveUnpacker unpacker, Archives archive, RunGroup group)
            throws IOException {
        staged = Files.createTempDirectory(into, "staged");
        return unpacker.unpack(new ByteArrayInputStream(archive.tarGz()), staged, group);
    }

    @Test
    void aSingleUploadsArchiveRootIsTheRunFolder() throws IOException {
        Map<Integer, List<StoredFile>> files = unpack(new ArchiveUnpacker(1 << 20, 10), files("b.sca", "sub/a.vec"),
                RunGroup.single("c", 7));

        assertThat(files).containsOnlyKeys(7);
        assertThat(files.get(7)).extracting(StoredFile::name).containsExactly("b.sca", "sub/a.vec");
        assertThat(staged.resolve("7/sub/a.vec")).hasContent("content of sub/a.vec");
    }

    @Test
    void aGroupHasOneFolderPerRunWithOrWithoutFolderEntries() throws IOException {
        Archives archive = new Archives().entry(new TarArchiveEntry("12/"))
                .folder("12", files("x.sca")).folder("0", files("y.sca", "deep/z.out"));

        Map<Integer, List<StoredFile>> files = unpack(new ArchiveUnpacker(1 << 20, 10), archive,
                RunGroup.of("c", List.of(12, 0)));

        assertThat(files.keySet()).containsExactly(0, 12);
        assertThat(files.get(0)).extracting(StoredFile::name).containsExactly("deep/z.out", "y.sca");
        assertThat(files.get(12)).extracting(StoredFile::name).containsExactly("x.sca");
        assertThat(staged.resolve("12/x.sca")).hasContent("content of x.sca");
        assertThat(staged.resolve("0/deep/z.out")).hasContent("content of deep/z.out");
    }

    @Test
    void theFileLimitAppliesToEachRunFolder() throws IOException {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(1 << 20, 2);
        RunGroup group = RunGroup.of("c", List.of(0, 1));

        assertThat(unpack(unpacker, new Archives().folder("0", files("a", "b")).folder("1", files("a", "b")), group))
                .containsOnlyKeys(0, 1);
        assertThatThrownBy(() -> unpack(unpacker, new Archives().folder("0", files("a")).folder("1",
                files("a", "b", "c")), group))
                .isInstanceOf(ApiException.class)
                .hasMessage("The folder of run 1 holds more than 2 files and folders.");
        assertThatThrownBy(() -> unpack(unpacker, files("a", "b", "c"), RunGroup.single("c", 0)))
                .isInstanceOf(ApiException.class)
                .hasMessage("The archive holds more than 2 files and folders.");
    }

    @Test
    void theByteLimitAppliesToTheWholeArchive() {
        byte[] half = new byte[6000];
        Archives archive = new Archives().folder("0", new Archives().file("a.vec", half))
                .folder("1", new Archives().file("a.vec", half));

        assertThatThrownBy(() -> unpack(new ArchiveUnpacker(10_000, 10), archive, RunGroup.of("c", List.of(0, 1))))
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessageContaining("larger than the limit of 10000 bytes (unpacked)");
    }

    @Test
    void aRunFolderThatRepeatsIsRejected() {
        Archives archive = new Archives().folder("1", files("a")).file("./1/a", "again");

        assertThatThrownBy(() -> unpack(new ArchiveUnpacker(1 << 20, 10), archive, RunGroup.of("c", List.of(1))))
                .isInstanceOf(ApiException.class)
                .hasMessage("The archive holds '1/a' twice.");
    }
}
