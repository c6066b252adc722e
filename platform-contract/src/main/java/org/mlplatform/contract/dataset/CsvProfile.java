package org.mlplatform.contract.dataset;

import java.util.List;

/** The profile of a CSV dataset, computed while it streamed in. */
public record CsvProfile(long rowCount, List<ColumnProfile> columns) {}
