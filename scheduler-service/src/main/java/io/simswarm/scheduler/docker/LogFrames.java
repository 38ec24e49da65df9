package io.simswarm.scheduler.docker;

import java.io.ByteArrayOutputStream;

/**
 * Docker's multiplexed log stream (containers without a TTY): frames of an 8-byte header (stream type, three
 * zero bytes, big-endian payload length) followed by the payload.
 */
final class LogFrames {

    private LogFrames() {
    }

    /** The payloads of all frames, concatenated; input that is not framed is returned as it is. */
    static byte[] demux(byte[] raw) {
        if (!framed(raw)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int at = 0;
        while (at + 8 <= raw.length) {
            int size = ((raw[at + 4] & 0xff) << 24) | ((raw[at + 5] & 0xff) << 16) | ((raw[at + 6] & 0xff) << 8)
                    | (raw[at + 7] & 0xff);
            int start = at + 8;
            int length = Math.min(size, raw.length - start);
            out.write(raw, start, length);
            at = start + length;
        }
        return out.toByteArray();
    }

    private static boolean framed(byte[] raw) {
        return raw.length >= 8 && raw[0] >= 0 && raw[0] <= 2 && raw[1] == 0 && raw[2] == 0 && raw[3] == 0;
    }
}
