package org.mlplatform.api.dataset;

/**
 * Bounds that keep {@link CsvProfiler}'s memory independent of the file's size.
 *
 * @param maxColumns the most columns a row may have
 * @param maxFieldChars the longest field, in characters
 * @param maxRowChars the longest row (all its fields together), in characters
 * @param distinctCap distinct values tracked per column; a column with more is not CATEGORICAL
 */
public record CsvLimits(int maxColumns, int maxFieldChars, int maxRowChars, int distinctCap) {

    public static final CsvLimits DEFAULTS = new CsvLimits(1000, 1024 * 1024, 8 * 1024 * 1024, 50);

    public CsvLimits {
        if (maxColumns < 1 || maxFieldChars < 1 || maxRowChars < 1 || distinctCap < 1) {
            throw new IllegalArgumentException("CSV limits must be positive");
        }
    }
}
