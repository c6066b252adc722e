package org.mlplatform.contract.dataset;

import java.util.List;

/** The header and the first rows (up to 20) of a CSV dataset, as text. */
public record DatasetPreview(List<String> columns, List<List<String>> rows) {}
