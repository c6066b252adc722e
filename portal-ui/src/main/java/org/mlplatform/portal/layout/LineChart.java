package org.mlplatform.portal.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A line chart drawn in the browser by Chart.js, wrapped in our {@code <mlp-line-chart>} element
 * ({@code META-INF/resources/charts/mlp-line-chart.js}): named series, axes with titles, a legend,
 * a tooltip per point and an empty state. {@link #setSeries} sends the series as one JSON property
 * and the element updates its chart in place, so a pushed update adds the new points without
 * redrawing the whole chart.
 *
 * <p>The build copies Chart.js from the npm package ({@code chartjs.version} in the pom) next to
 * the element, and the module is loaded from the portal itself ({@code context://}), outside
 * Vaadin's frontend bundle: a bundled {@code @NpmPackage} would make Vaadin rebuild its whole
 * bundle, which needs {@code @vaadin/*} packages the npm registry used here does not serve. Nothing
 * is fetched at run time.
 */
@Tag("mlp-line-chart")
@JsModule(LineChart.MODULE)
public class LineChart extends Component implements HasSize {

    /** One point; a point with a coordinate that is not finite is left out. */
    public record Point(double x, double y) {}

    /**
     * A named line.
     *
     * @param dashed drawn dashed, such as the validation twin of a training line
     */
    public record Series(String name, List<Point> points, boolean dashed) {
        public Series {
            Objects.requireNonNull(name);
            points = List.copyOf(points);
        }

        public Series(String name, List<Point> points) {
            this(name, points, false);
        }
    }

    static final String MODULE = "context://charts/mlp-line-chart.js";
    static final String SERIES_PROPERTY = "series";

    private List<Series> series = List.of();

    public LineChart(String title, String xLabel, String yLabel) {
        addClassName("line-chart");
        getElement().setProperty("chartTitle", title);
        getElement().setProperty("xLabel", xLabel);
        getElement().setProperty("yLabel", yLabel);
        setEmptyText("No data yet");
        setSeries(List.of());
    }

    /** Replaces every series; the browser updates the chart in place. */
    public void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        getElement().setPropertyJson(SERIES_PROPERTY, toJson(this.series));
    }

    public List<Series> getSeries() {
        return series;
    }

    /** What the chart says while no series has a point. */
    public void setEmptyText(String emptyText) {
        getElement().setProperty("emptyText", emptyText);
    }

    /**
     * Reads x as epoch milliseconds and labels it with UTC times (the axis stays linear: Chart.js'
     * time scale would need a date adapter package).
     */
    public void setTimeAxis(boolean timeAxis) {
        getElement().setProperty("timeAxis", timeAxis);
    }

    /** The x axis spans {@code min} to {@code max} whatever the points cover. */
    public void setXRange(double min, double max) {
        getElement().setProperty("xMin", min);
        getElement().setProperty("xMax", max);
    }

    /**
     * {@code [{"name": ..., "dashed": ..., "points": [{"x": ..., "y": ...}]}]}, points finite and
     * in x order.
     */
    static ArrayNode toJson(List<Series> series) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode array = json.arrayNode();
        for (Series s : series) {
            ObjectNode line = array.addObject().put("name", s.name()).put("dashed", s.dashed());
            ArrayNode points = line.putArray("points");
            s.points().stream()
                    .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()))
                    .sorted(Comparator.comparingDouble(Point::x))
                    .forEach(p -> points.addObject().put("x", p.x()).put("y", p.y()));
        }
        return array;
    }
}
