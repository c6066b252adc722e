package org.mlplatform.api.dataset;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** A CSV made row by row as it is read, so a test can stream far more than it ever holds. */
final class GeneratedCsv extends InputStream {

    private final IntFunction<String> row;
    private final int rows;
    private byte[] current;
    private int position;
    private int next = -1;

    GeneratedCsv(String header, int rows, IntFunction<String> row) {
        this.row = row;
        this.rows = rows;
        this.current = (header + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position == current.length) {
            if (++next >= rows) {
                return -1;
            }
            current = (row.apply(next) + "\r\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }
}
