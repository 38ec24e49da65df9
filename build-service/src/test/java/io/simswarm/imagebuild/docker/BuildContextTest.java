package io.simswarm.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path project;

    @TempDir
    Path other;

    @Test
    void holdsTheDockerfileTheRunnerAndTheProjectWithoutGitMetadata() throws IOException {
        Files.writeString(project.resolve("Makefile"), "all:\n");
        Files.createDirectories(project.resolve("src/deep"));
        Files.writeString(project.resolve("src/deep/a.cc"), "int main(){}\n");
        Path script = Files.writeString(project.resolve("run.sh"), "#!/bin/sh\n");
        script.toFile().setExecutable(true);
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/deep/a.cc"));
        Files.createDirectories(project.resolve(".git/objects"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve("sub/.git"), "gitdir: ../.git/modules/sub\n");
        Files.writeString(project.resolve("sub/x.h"), "#pragma once\n");
        Path runner = Files.write(other.resolve("runner"), new byte[] {0x7f, 'E', 'L', 'F'});
        Files.writeString(project.resolve(String.join("/", "a".repeat(60), "b".repeat(60)).replace('/', '_')), "long");

        Map<String, TarArchiveEntry> entries = entries(new BuildContext("FROM x\n", project, runner));

        assertThat(entries).containsKeys("Dockerfile", "simswarm-runner", "project/", "project/Makefile",
                "project/src/deep/a.cc", "project/run.sh", "project/link", "project/sub/x.h",
                "project/" + "a".repeat(60) + "_" + "b".repeat(60));
        assertThat(entries.keySet()).noneMatch(name -> name.contains(".git"));
        assertThat(entries.get("project/run.sh").getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("project/Makefile").getMode() & 0777).isEqualTo(0644);
        assertThat(entries.get("simswarm-runner").getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("project/link").isSymbolicLink()).isTrue();
        assertThat(entries.get("project/link").getLinkName()).isEqualTo("src/deep/a.cc");
    }

    @Test
    void leavesTheRunnerOutWhenThereIsNone() throws IOException {
        Files.writeString(project.resolve("Makefile"), "all:\n");

        assertThat(entries(new BuildContext("FROM x\n", project, null))).doesNotContainKey("simswarm-runner");
    }

    private static Map<String, TarArchiveEntry> entries(BuildContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()),
                StandardCharsets.UTF_8.name())) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }
}
