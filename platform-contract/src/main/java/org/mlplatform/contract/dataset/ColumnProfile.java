package org.mlplatform.contract.dataset;

import java.util.Map;

/**
 * Statistics of one CSV column.
 *
 * @param nullCount empty cells
 * @param min smallest value (NUMERIC only)
 * @param max largest value (NUMERIC only)
 * @param mean arithmetic mean (NUMERIC only)
 * @param std population standard deviation (NUMERIC only)
 * @param distinctCount distinct non-empty values, counted up to the cap
 * @param distinctCapped whether there were more distinct values than the cap
 * @param valueCounts each distinct value and how often it occurs (CATEGORICAL only)
 */
public record ColumnProfile(
        String name,
        ColumnType type,
        long nullCount,
        Double min,
        Double max,
        Double mean,
        Double std,
        long distinctCount,
        boolean distinctCapped,
        Map<String, Long> valueCounts) {}
