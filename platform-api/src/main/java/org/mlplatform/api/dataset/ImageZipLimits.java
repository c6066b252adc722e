package org.mlplatform.api.dataset;

/**
 * Bounds for {@link ImageZipInspector}. Byte counts are of bytes actually inflated, never the sizes
 * the zip's headers claim.
 *
 * @param maxEntries the most entries (files, folders, ignored ones) the zip may list
 * @param maxTotalBytes the most bytes all images together may inflate to
 * @param maxEntryBytes the most bytes one image may inflate to (an image is decoded in memory)
 * @param maxCompressionRatio the most an entry, and the zip as a whole, may expand (inflated bytes
 *     per compressed byte); checked while inflating, once past {@link #RATIO_GRACE_BYTES}
 * @param maxPixels the most pixels (width × height) one image may have, checked before decoding
 */
public record ImageZipLimits(
        int maxEntries,
        long maxTotalBytes,
        long maxEntryBytes,
        int maxCompressionRatio,
        long maxPixels) {

    /** Small entries may compress very well (a blank icon) without being a bomb. */
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    public static final ImageZipLimits DEFAULTS =
            new ImageZipLimits(100_000, 2L << 30, 100L << 20, 100, 50_000_000);

    public ImageZipLimits {
        if (maxEntries < 1
                || maxTotalBytes < 1
                || maxEntryBytes < 1
                || maxCompressionRatio < 1
                || maxPixels < 1) {
            throw new IllegalArgumentException("image-zip limits must be positive");
        }
    }
}
