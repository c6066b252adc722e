package org.mlplatform.portal.usage;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mlplatform.contract.usage.UsagePoint;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.contract.usage.UsageSeries;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.LineChart;
import org.mlplatform.portal.layout.LineChart.Point;
import org.mlplatform.portal.layout.LineChart.Series;

/**
 * Requests and mean latency over time, one line per series (per key, model or tenant), and the
 * totals of each series in a table.
 */
public class UsageCharts extends VerticalLayout {

    final LineChart requests = new LineChart("Requests", "Time", "Requests");
    final LineChart latency = new LineChart("Mean latency", "Time", "Milliseconds");
    final Grid<UsageSeries> totals = new Grid<>();

    public UsageCharts() {
        setPadding(false);
        requests.setId("usage-requests-chart");
        latency.setId("usage-latency-chart");
        for (LineChart chart : List.of(requests, latency)) {
            chart.setTimeAxis(true);
            chart.setEmptyText("No inference calls in this time");
        }
        FlexLayout charts = new FlexLayout(requests, latency);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        totals.setId("usage-totals");
        totals.addThemeVariants(GridVariant.LUMO_COMPACT);
        totals.setAllRowsVisible(true);
        totals.addColumn(UsageSeries::label).setHeader("Series").setKey("label");
        totals.addColumn(s -> s.total().requests()).setHeader("Requests").setKey("requests");
        totals.addColumn(s -> s.total().succeeded()).setHeader("Succeeded").setKey("succeeded");
        totals.addColumn(s -> s.total().rateLimited())
                .setHeader("Rate limited")
                .setKey("rateLimited");
        totals.addColumn(s -> s.total().clientErrors() - s.total().rateLimited())
                .setHeader("Other client errors")
                .setKey("clientErrors");
        totals.addColumn(s -> s.total().serverErrors())
                .setHeader("Server errors")
                .setKey("serverErrors");
        totals.addColumn(s -> s.total().items()).setHeader("Items").setKey("items");
        totals.addColumn(s -> latency(s.total().meanLatencyMs()))
                .setHeader("Mean latency")
                .setKey("latency");
        add(charts, totals);
    }

    /** Draws the series of {@code usage}, replacing what was shown. */
    public void show(UsageResponse usage) {
        List<UsageSeries> series = usage.series() == null ? List.of() : usage.series();
        requests.setSeries(lines(series, p -> (double) p.requests()));
        latency.setSeries(lines(series, UsagePoint::meanLatencyMs));
        totals.setItems(series);
    }

    private static List<Series> lines(List<UsageSeries> series, Function<UsagePoint, Double> y) {
        return series.stream()
                .map(
                        s ->
                                new Series(
                                        name(s),
                                        s.points().stream()
                                                .filter(p -> y.apply(p) != null)
                                                .map(
                                                        p ->
                                                                new Point(
                                                                        p.start().toEpochMilli(),
                                                                        y.apply(p)))
                                                .toList()))
                .toList();
    }

    private static String name(UsageSeries s) {
        return Objects.requireNonNullElse(s.label(), Objects.requireNonNullElse(s.group(), "all"));
    }

    private static String latency(Double ms) {
        return ms == null ? "" : Formats.number(ms) + " ms";
    }
}
