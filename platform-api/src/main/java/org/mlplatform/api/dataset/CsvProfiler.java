package org.mlplatform.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.contract.dataset.CsvProfile;
import org.mlplatform.contract.dataset.DatasetPreview;

/**
 * Reads a CSV dataset once, as it streams, and returns its profile and preview. The input must be
 * UTF-8 (an initial byte-order mark is dropped) and RFC 4180 CSV with a header row of unique,
 * non-blank column names; every row must have as many fields as the header. Empty lines are
 * skipped.
 *
 * <p>Column types: NUMERIC when every non-empty value is a finite decimal number, CATEGORICAL when
 * there are at most {@link CsvLimits#distinctCap()} distinct values, TEXT otherwise (also for a
 * column with no values at all). Cells that are empty or only whitespace count as nulls.
 *
 * <p>Memory is bounded by the {@link CsvLimits} (one row, plus up to the cap of distinct values per
 * column, plus the preview), never by the number of rows. Thread-safe: it keeps no state between
 * calls.
 */
public final class CsvProfiler {

    /** Rows in the preview. */
    public static final int PREVIEW_ROWS = 20;

    /** Preview cells are cut to this many characters. */
    public static final int PREVIEW_CELL_CHARS = 256;

    /** A CSV dataset's profile and its first rows. */
    public record Result(CsvProfile profile, DatasetPreview preview) {}

    private final CsvLimits limits;

    public CsvProfiler() {
        this(CsvLimits.DEFAULTS);
    }

    public CsvProfiler(CsvLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads {@code csv} to its end (the caller closes it).
     *
     * @throws DatasetFormatException when the content is not valid CSV as described above; the
     *     message names the line
     * @throws IOException when reading the stream fails
     */
    public Result profile(InputStream csv) throws IOException, DatasetFormatException {
        CsvReader reader = new CsvReader(new StrictUtf8Reader(csv), limits);
        List<String> header = reader.next();
        if (header == null) {
            throw new DatasetFormatException(
                    reader.sawContent() ? "no header row" : "the file is empty");
        }
        List<ColumnStats> columns = columns(header);
        List<List<String>> preview = new ArrayList<>();
        long rows = 0;
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            if (row.size() != header.size()) {
                throw new DatasetFormatException(
                        "line %d has %d fields, the header has %d"
                                .formatted(reader.recordLine(), row.size(), header.size()));
            }
            rows++;
            for (int i = 0; i < row.size(); i++) {
                columns.get(i).add(row.get(i));
            }
            if (preview.size() < PREVIEW_ROWS) {
                preview.add(row.stream().map(CsvProfiler::previewCell).toList());
            }
        }
        CsvProfile profile =
                new CsvProfile(rows, columns.stream().map(ColumnStats::profile).toList());
        return new Result(profile, new DatasetPreview(List.copyOf(header), preview));
    }

    private List<ColumnStats> columns(List<String> header) throws DatasetFormatException {
        Set<String> seen = new HashSet<>();
        List<ColumnStats> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                throw new DatasetFormatException(
                        "empty column name in the header (column " + (i + 1) + ")");
            }
            if (!seen.add(name)) {
                throw new DatasetFormatException("duplicate column name '" + name + "'");
            }
            columns.add(new ColumnStats(name, limits.distinctCap()));
        }
        return columns;
    }

    private static String previewCell(String value) {
        return value.length() <= PREVIEW_CELL_CHARS
                ? value
                : value.substring(0, PREVIEW_CELL_CHARS) + "…";
    }
}
