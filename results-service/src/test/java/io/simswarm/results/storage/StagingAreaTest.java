package io.simswarm.results.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    @TempDir
    Path root;

    @Test
    void startRemovesWhatAStoppedInstanceLeft() throws IOException {
        StagingArea stopped = StagingArea.open(root);
        Path half = stopped.newFolder();
        Files.writeString(half.resolve("General-0.sca"), "version 3\n");
        stopped.release();

        StagingArea next = StagingArea.open(root);

        assertThat(half).doesNotExist();
        assertThat(stopped.ownFolder()).doesNotExist();
        assertThat(root.resolve(stopped.ownFolder().getFileName() + ".lock")).doesNotExist();
        assertThat(next.newFolder()).isDirectory();
    }

    @Test
    void aLivingInstanceKeepsItsUploadsInProgress() throws IOException {
        StagingArea living = StagingArea.open(root);
        Path inProgress = living.newFolder();
        Files.writeString(inProgress.resolve("General-0.vec"), "version 3\n");

        StagingArea other = StagingArea.open(root);

        assertThat(inProgress.resolve("General-0.vec")).exists();
        assertThat(other.sweep()).isZero();
        assertThat(living.newFolder()).isDirectory();
    }

    @Test
    void uploadsStagedByEarlierVersionsDirectlyUnderTheRootAreRemoved() throws IOException {
        Path legacy = Files.createDirectories(root.resolve("0d4f6c8e-legacy-upload"));
        Files.writeString(legacy.resolve("General-1.sca"), "version 3\n");

        StagingArea.open(root);

        assertThat(legacy).doesNotExist();
    }

    @Test
    void aSweepAfterAnInstanceStopsRemovesItsFolder() throws IOException {
        StagingArea first = StagingArea.open(root);
        StagingArea second = StagingArea.open(root);
        Path staged = first.newFolder();
        first.release();

        assertThat(second.sweep()).isEqualTo(1);
        assertThat(staged).doesNotExist();
        assertThat(second.ownFolder()).isDirectory();
    }
}
