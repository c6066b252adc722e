package org.mlplatform.portal.dataset;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.CsvProfile;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.portal.layout.Formats;

/** A CSV dataset: one row of statistics per column, then the first rows as they are. */
class CsvProfilePanel extends VerticalLayout {

    static final int TOP_VALUES = 5;

    final Grid<ColumnProfile> columns = new Grid<>();
    final Grid<List<String>> preview = new Grid<>();

    CsvProfilePanel(CsvProfile profile, DatasetPreview rows) {
        setPadding(false);
        configureColumns();
        columns.setItems(profile.columns());
        add(new H3("Columns"), columns, new H3("Preview"));
        if (rows == null) {
            add(new Span("The preview could not be loaded."));
        } else {
            configurePreview(rows);
            add(preview);
        }
    }

    private void configureColumns() {
        columns.setId("dataset-profile");
        columns.addThemeVariants(GridVariant.LUMO_COMPACT);
        columns.setAllRowsVisible(true);
        columns.addColumn(ColumnProfile::name).setHeader("Column").setKey("name");
        columns.addColumn(c -> c.type().name()).setHeader("Type").setKey("type");
        columns.addColumn(ColumnProfile::nullCount).setHeader("Nulls").setKey("nulls");
        columns.addColumn(c -> Formats.number(c.min())).setHeader("Min").setKey("min");
        columns.addColumn(c -> Formats.number(c.max())).setHeader("Max").setKey("max");
        columns.addColumn(c -> Formats.number(c.mean())).setHeader("Mean").setKey("mean");
        columns.addColumn(c -> Formats.number(c.std())).setHeader("Std").setKey("std");
        columns.addColumn(c -> c.distinctCount() + (c.distinctCapped() ? "+" : ""))
                .setHeader("Distinct")
                .setKey("distinct");
        columns.addColumn(c -> topValues(c.valueCounts()))
                .setHeader("Top values")
                .setKey("top")
                .setFlexGrow(2);
    }

    /** {@code "setosa (50), versicolor (50)"}: the most frequent values first. */
    static String topValues(Map<String, Long> counts) {
        if (counts == null || counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VALUES)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private void configurePreview(DatasetPreview rows) {
        preview.setId("dataset-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        preview.setAllRowsVisible(true);
        for (int i = 0; i < rows.columns().size(); i++) {
            int index = i;
            preview.addColumn(row -> index < row.size() ? row.get(index) : "")
                    .setHeader(rows.columns().get(i))
                    .setKey("c" + i)
                    .setAutoWidth(true);
        }
        preview.setItems(rows.rows());
    }
}
