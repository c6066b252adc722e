package org.mlplatform.api.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Counts the bytes inflated from a zip's entries, and the compressed bytes consumed for them, and
 * stops reading as soon as a limit is passed: per entry and in total, size and compression ratio.
 * So a zip bomb is stopped after about {@link ImageZipLimits#RATIO_GRACE_BYTES}, whatever its
 * headers claim.
 */
final class InflationGuard {

    /**
     * Thrown from inside a read; image decoders may wrap it, so {@link #violation()} has it too.
     */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final ImageZipLimits limits;
    private long totalCompressed;
    private long totalInflated;
    private String violation;

    InflationGuard(ImageZipLimits limits) {
        this.limits = limits;
    }

    /** The first limit passed, as a message naming the entry; {@code null} while none was. */
    String violation() {
        return violation;
    }

    /**
     * Wraps one entry's inflating stream, which must report its compressed byte count (commons
     * compress's streams for STORED and DEFLATED entries do).
     */
    InputStream guard(String entry, InputStreamStatistics inflating) {
        return new Guarded(entry, (InputStream) inflating, inflating);
    }

    private final class Guarded extends FilterInputStream {
        private final String entry;
        private final InputStreamStatistics statistics;
        private long inflated;
        private boolean closed;

        Guarded(String entry, InputStream in, InputStreamStatistics statistics) {
            super(in);
            this.entry = entry;
            this.statistics = statistics;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int n = super.read(target, offset, length);
            if (n > 0) {
                inflated += n;
                totalInflated += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are inflated too: count them by reading.
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }

        private void check() throws LimitExceeded {
            long compressed = Math.max(statistics.getCompressedCount(), 1);
            long ratio = limits.maxCompressionRatio();
            if (inflated > limits.maxEntryBytes()) {
                fail("entry '%s' is larger than %d bytes".formatted(entry, limits.maxEntryBytes()));
            } else if (totalInflated > limits.maxTotalBytes()) {
                fail(
                        "the images are larger than %d bytes in total (at entry '%s')"
                                .formatted(limits.maxTotalBytes(), entry));
            } else if (inflated > ImageZipLimits.RATIO_GRACE_BYTES
                    && inflated > ratio * compressed) {
                fail(
                        "entry '%s' expands more than %d times; is it a zip bomb?"
                                .formatted(entry, ratio));
            } else if (totalInflated > ImageZipLimits.RATIO_GRACE_BYTES
                    && totalInflated > ratio * (totalCompressed + compressed)) {
                fail(
                        "the zip expands more than %d times overall (at entry '%s')"
                                .formatted(ratio, entry));
            }
        }

        private void fail(String message) throws LimitExceeded {
            if (violation == null) {
                violation = message;
            }
            throw new LimitExceeded(message);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                totalCompressed += statistics.getCompressedCount();
            }
            super.close();
        }
    }
}
