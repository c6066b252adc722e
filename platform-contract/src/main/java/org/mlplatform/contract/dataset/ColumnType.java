package org.mlplatform.contract.dataset;

/** The type inferred for a CSV column while it streamed in. */
public enum ColumnType {
    /** Every non-empty value parses as a number. */
    NUMERIC,
    /** Few distinct values (up to the distinct-value cap). */
    CATEGORICAL,
    /** Anything else. */
    TEXT
}
