package io.simswarm.results.omnetpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a result file line by line and tells the byte offset of every line, which the vector index needs.
 * Lines end with {@code \n}; a {@code \r} before it is dropped. Bytes are decoded as UTF-8.
 */
public final class LineReader implements AutoCloseable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long bufferOffset;
    private long lineOffset;
    private int lineBytes;
    private long lineNumber;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next line without its line break, or null at the end of the input
     */
    public String next() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    return take(i, i + 1);
                }
            }
            if (eof) {
                return start < end ? take(end, end) : null;
            }
            fill();
        }
    }

    /** Byte offset of the line last returned by {@link #next()}. */
    public long offset() {
        return lineOffset;
    }

    /** Length in bytes of the line last returned, its line break included. */
    public int length() {
        return lineBytes;
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    private String take(int lineEnd, int next) {
        int contentEnd = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        String line = new String(buffer, start, contentEnd - start, StandardCharsets.UTF_8);
        lineOffset = bufferOffset + start;
        lineBytes = next - start;
        lineNumber++;
        start = next;
        return line;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, end);
            buffer = larger;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
