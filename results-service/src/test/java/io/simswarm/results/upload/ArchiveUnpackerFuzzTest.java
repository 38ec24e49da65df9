package io.simswarm.results.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.Archives;
import io.simswarm.results.TestRuns;
import io.simswarm.results.omnetpp.Mutations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A property of the unpacker, checked by jqwik on damaged uploads (one per generated seed, {@link Mutations}): a
 * real run's tar.gz damaged, its tar damaged and gzipped again, and a damaged group upload. Each either unpacks into
 * its staging folder or is refused with a 400 or 413 sentence, never writes beside the folder, and throws nothing
 * else. Tries bound the time; the seed is fixed.
 */
class ArchiveUnpackerFuzzTest {

    private static final byte[] TAR = TestRuns.omnetpp61().tar();
    private static final byte[] TAR_GZ = TestRuns.omnetpp61().tarGz();
    private static final byte[] GROUP = new Archives().folder("3", TestRuns.omnetpp61())
            .folder("4", TestRuns.omnetpp61()).tarGz();

    private static Path root;

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = Files.createTempDirectory("unpacker-fuzz");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 600, seed = "20261207")
    void aDamagedArchiveIsUnpackedOrRefusedWithASentence(@ForAll long seed) throws IOException {
        for (Upload upload : List.of(new Upload("tar.gz", Mutations.of(TAR_GZ, seed), RunGroup.single("c", 3)),
                new Upload("tar", Archives.gzip(Mutations.of(TAR, seed)), RunGroup.single("c", 3)),
                new Upload("group", Mutations.of(GROUP, seed), RunGroup.of("c", List.of(3, 4))))) {
            Path beside = Files.createTempDirectory(root, upload.what());
            Path staged = Files.createDirectory(beside.resolve("staged"));
            try {
                new ArchiveUnpacker(1 << 22, 1000).unpack(new ByteArrayInputStream(upload.body()), staged,
                        upload.group());
            } catch (ApiException e) {
                assertThat(e.status()).as("%s seed %d: %s", upload.what(), seed, e.getMessage()).isEqualTo(400);
                assertThat(e.getMessage()).as("%s seed %d", upload.what(), seed).isNotBlank()
                        .doesNotContain("Exception").doesNotContain("java.");
            } catch (UploadTooLargeException e) {
                assertThat(e.getMessage()).as("%s seed %d", upload.what(), seed).startsWith("The upload is larger");
            } catch (RuntimeException e) {
                fail("%s, damaged copy of seed %d: %s", upload.what(), seed, e, e);
            }
            try (var files = Files.list(beside)) {
                assertThat(files.toList()).as("%s seed %d wrote beside its folder", upload.what(), seed)
                        .containsExactly(staged);
            }
        }
    }

    private record Upload(String what, byte[] body, RunGroup group) {
    }
}
