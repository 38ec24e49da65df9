package io.simswarm.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerBinaryTest {

    private static final int PT_INTERP = 3;
    private static final int EM_X86_64 = 0x3e;

    @Test
    void copyToWritesAnExecutableIdenticalToTheResource(@TempDir Path dir) throws IOException {
        Path target = RunnerBinary.copyTo(dir.resolve("opt/simswarm/bin/simswarm-runner"));

        assertThat(target).exists().isExecutable();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readAllBytes(target)).isEqualTo(RunnerBinary.bytes());
    }

    @Test
    void copyToReplacesAnExistingFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("simswarm-runner");
        Files.writeString(target, "an older runner");

        RunnerBinary.copyTo(target);

        assertThat(Files.readAllBytes(target)).isEqualTo(RunnerBinary.bytes());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theExecutableIsStaticForLinuxX8664() {
        ByteBuffer elf = ByteBuffer.wrap(RunnerBinary.bytes()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(elf.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
        assertThat(elf.get(4)).as("64-bit").isEqualTo((byte) 2);
        assertThat(elf.getShort(0x12)).as("machine").isEqualTo((short) EM_X86_64);
        long programHeaders = elf.getLong(0x20);
        int entrySize = elf.getShort(0x36);
        int entries = elf.getShort(0x38);
        for (int i = 0; i < entries; i++) {
            assertThat(elf.getInt((int) programHeaders + i * entrySize))
                    .as("program header %d must not ask for a dynamic loader", i).isNotEqualTo(PT_INTERP);
        }
    }

    @Test
    void versionNamesTheProgram() {
        var result = RunnerProcess.run(TestPaths.work(), Map.of(), "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("simswarm-runner ");
    }

    @Test
    void helpPrintsTheWholeEnvironmentContract() {
        var result = RunnerProcess.run(TestPaths.work(), Map.of(), "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("SIMSWARM_RUN_COMMAND", "SIMSWARM_CONFIG", "SIMSWARM_INI_FILE",
                "SIMSWARM_SIM_ARGS", "SIMSWARM_RUN_TIMEOUT", "SIMSWARM_RUNS", "SIMSWARM_TOKENS", "SIMSWARM_UPLOAD_URL",
                "SIMSWARM_SLOT", "SIMSWARM_LEASE_URL", "SIMSWARM_LEASE_TOKEN", "SIMSWARM_LEASE_GIVEUP",
                "SIMSWARM_GZIP_LEVEL", "124", "Exit code 2");
    }
}
