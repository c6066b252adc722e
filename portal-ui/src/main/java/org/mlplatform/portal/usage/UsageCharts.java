package org.mlplatform.portal.usage;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
        totals.addColumn(s -> Formats.count(s.total().requests()))
                .setHeader("Requests")
                .setKey("requests");
        totals.addColumn(s -> Formats.count(s.total().succeeded()))
                .setHeader("Succeeded")
                .setKey("succeeded");
        totals.addColumn(s -> Formats.count(s.total().rateLimited()))
                .setHeader("Rate limited")
                .setKey("rateLimited");
        totals.addColumn(s -> Formats.count(s.total().clientErrors() - s.total().rateLimited()))
                .setHeader("Other client errors")
                .setKey("clientErrors");
        totals.addColumn(s -> Formats.count(s.total().serverErrors()))
                .setHeader("Server errors")
                .setKey("serverErrors");
        totals.addColumn(s -> Formats.count(s.total().items())).setHeader("Items").setKey("items");
        totals.addColumn(s -> latency(s.total().meanLatencyMs()))
                .setHeader("Mean latency")
                .setKey("latency");
        add(charts, totals);
    }

    /**
     * Draws the series of {@code usage}, replacing what was shown. The API sends only intervals
     * that had calls: the requests line is 0 in the others (a line straight from one busy hour to
     * the next would draw calls nobody made); the latency line joins the intervals that have one.
     */
    public void show(UsageResponse usage) {
        List<UsageSeries> series = usage.series() == null ? List.of() : usage.series();
        List<Instant> intervals = intervals(usage);
        if (!intervals.isEmpty()) {
            // Both charts span the whole range asked for, not only the intervals with calls.
            for (LineChart chart : List.of(requests, latency)) {
                chart.setXRange(
                        intervals.get(0).toEpochMilli(),
                        intervals.get(intervals.size() - 1).toEpochMilli());
            }
        }
        requests.setSeries(
                series.stream().map(s -> new Series(name(s), counts(s, intervals))).toList());
        latency.setSeries(series.stream().map(s -> new Series(name(s), meanLatencies(s))).toList());
        totals.setItems(series);
    }

    /** The start of every interval of the response's range, as the API aligns them (UTC). */
    static List<Instant> intervals(UsageResponse usage) {
        if (usage.from() == null || usage.to() == null || usage.granularity() == null) {
            return List.of();
        }
        ChronoUnit unit =
                switch (usage.granularity()) {
                    case MINUTE -> ChronoUnit.MINUTES;
                    case HOUR -> ChronoUnit.HOURS;
                    case DAY -> ChronoUnit.DAYS;
                };
        List<Instant> starts = new ArrayList<>();
        for (Instant t = usage.from().truncatedTo(unit);
                t.isBefore(usage.to());
                t = t.plus(1, unit)) {
            starts.add(t);
        }
        return starts;
    }

    /** The series' mean latency in the intervals that had calls. */
    private static List<Point> meanLatencies(UsageSeries s) {
        return s.points().stream()
                .filter(p -> p.meanLatencyMs() != null)
                .map(p -> new Point(p.start().toEpochMilli(), p.meanLatencyMs()))
                .toList();
    }

    /** The series' requests in every interval, 0 where it had none. */
    private static List<Point> counts(UsageSeries s, List<Instant> intervals) {
        Map<Instant, Long> requests = new TreeMap<>();
        intervals.forEach(t -> requests.put(t, 0L));
        s.points().forEach(p -> requests.put(p.start(), p.requests()));
        return requests.entrySet().stream()
                .map(e -> new Point(e.getKey().toEpochMilli(), e.getValue()))
                .toList();
    }

    private static String name(UsageSeries s) {
        return Objects.requireNonNullElse(s.label(), Objects.requireNonNullElse(s.group(), "all"));
    }

    private static String latency(Double ms) {
        return ms == null ? "" : Formats.number(ms) + " ms";
    }
}
