package io.simswarm.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogFramesTest {

    @Test
    void joinsThePayloadsOfStdoutAndStderrFrames() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        frame(raw, 1, " 0 1 2\n");
        frame(raw, 2, "<!> warning\n");
        frame(raw, 1, "simswarm-exit=0\n");

        String text = new String(LogFrames.demux(raw.toByteArray()), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo(" 0 1 2\n<!> warning\nsimswarm-exit=0\n");
    }

    @Test
    void leavesUnframedTextAlone() {
        byte[] text = "plain text from a TTY\n".getBytes(StandardCharsets.UTF_8);

        assertThat(LogFrames.demux(text)).isEqualTo(text);
    }

    @Test
    void keepsWhatThereIsOfATruncatedFrame() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] payload = "abcdef".getBytes(StandardCharsets.UTF_8);
        raw.write(new byte[] {1, 0, 0, 0, 0, 0, 0, 10}, 0, 8);
        raw.write(payload, 0, payload.length);

        assertThat(new String(LogFrames.demux(raw.toByteArray()), StandardCharsets.UTF_8)).isEqualTo("abcdef");
    }

    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(new byte[] {(byte) stream, 0, 0, 0, 0, 0, (byte) (payload.length >> 8), (byte) payload.length}, 0, 8);
        out.write(payload, 0, payload.length);
    }
}
