package io.simswarm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell script standing in for a simulation program where a test needs result files that
 * examples/queueing does not write (long names, sub-directories, no .sca, big files, chosen exit
 * codes, one slow run among quick ones). In mode "args" it writes its arguments, its working directory and the
 * name of the process that started it. FAKE_MODE in the runner's environment says what it writes into
 * --result-dir; in mode "slowrun" the run numbered FAKE_SLOW_RUN lasts ten minutes.
 */
final class FakeSimulation {

    /** The long file name written in mode "long" for run N; OMNeT++-like, with '=', ',' and '#'. */
    static String longName(int run) {
        return "Long" + "0".repeat(150) + "-x=1,y=2-#" + run;
    }

    private static final String SCRIPT = """
            #!/bin/sh
            # A stand-in simulation: FAKE_MODE says what it writes into the result directory.
            prev=
            for a in "$@"; do
                case "$prev" in
                    --result-dir) dir=$a ;;
                    -r) run=$a ;;
                esac
                prev=$a
            done
            echo "fake run $run starting"
            echo "a line on stderr" >&2
            case "$FAKE_MODE" in
                args)
                    for a in "$@"; do printf '%s\\n' "$a"; done > "$dir/args.txt"
                    pwd > "$dir/pwd.txt"
                    cat "/proc/$PPID/comm" > "$dir/parent.txt"
                    echo scalar > "$dir/Fake-#$run.sca" ;;
                long)
                    echo scalar > "$dir/Long$(printf '%0150d' 0)-x=1,y=2-#$run.sca"
                    mkdir -p "$dir/sub/deeper"
                    echo nested > "$dir/sub/deeper/note.txt" ;;
                veconly)
                    echo vector > "$dir/Fake-x=1,y=2-#$run.vec" ;;
                nothing) ;;
                big)
                    echo scalar > "$dir/Big-#$run.sca"
                    seq 1 3000000 > "$dir/Big-#$run.vec" ;;
                exitrun)
                    echo scalar > "$dir/Fake-#$run.sca"
                    exit "$run" ;;
                lines)
                    i=1; while [ $i -le 120 ]; do echo "output line $i"; i=$((i + 1)); done
                    echo scalar > "$dir/Fake-#$run.sca" ;;
                slowrun)
                    echo scalar > "$dir/Fake-#$run.sca"
                    if [ "$run" = "$FAKE_SLOW_RUN" ]; then sleep 600; fi ;;
            esac
            """;

    private FakeSimulation() {
    }

    /** Writes the script as DIR/fake-sim (executable) and returns the SIMSWARM_RUN_COMMAND for it. */
    static String installIn(Path dir) {
        try {
            Path script = dir.resolve("fake-sim");
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return "./fake-sim";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
