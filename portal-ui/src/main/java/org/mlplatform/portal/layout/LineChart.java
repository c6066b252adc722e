package org.mlplatform.portal.layout;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart drawn as SVG on the server: named series, axes with ticks and labels, a legend, a
 * tooltip ({@code <title>}) on every point and an empty state. No JavaScript library and nothing
 * fetched at run time; {@link #setSeries} replaces the picture, which a pushed update shows at
 * once. Colours come from the theme's stylesheet ({@code .line-chart .series-N}).
 */
public class LineChart extends Div {

    /** One point; {@code y} that is not finite is left out. */
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

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 40;
    static final int BOTTOM = 44;
    static final int SERIES_STYLES = 6;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private String emptyText = "No data yet";
    private List<Series> series = List.of();
    private String svg;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        addClassName("line-chart");
        redraw();
    }

    /** Replaces every series and redraws. */
    public void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        redraw();
    }

    public List<Series> getSeries() {
        return series;
    }

    /** What the chart says while no series has a point. */
    public void setEmptyText(String emptyText) {
        this.emptyText = emptyText;
        redraw();
    }

    /** The SVG markup shown now. */
    public String svg() {
        return svg;
    }

    private void redraw() {
        svg = render(title, xLabel, yLabel, emptyText, series);
        getElement().setProperty("innerHTML", svg);
    }

    /** The whole picture as one {@code <svg>} element. */
    static String render(
            String title, String xLabel, String yLabel, String emptyText, List<Series> series) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(escape(title))
                .append("\">");
        out.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"16\">");
        out.append(escape(title)).append("</text>");
        legend(out, series);
        List<Point> all = series.stream().flatMap(s -> finite(s.points()).stream()).toList();
        if (all.isEmpty()) {
            out.append("<text class=\"chart-empty\" x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">")
                    .append(escape(emptyText))
                    .append("</text></svg>");
            return out.toString();
        }
        ChartAxis x =
                ChartAxis.of(
                        all.stream().mapToDouble(Point::x).min().orElseThrow(),
                        all.stream().mapToDouble(Point::x).max().orElseThrow(),
                        true);
        ChartAxis y =
                ChartAxis.of(
                        all.stream().mapToDouble(Point::y).min().orElseThrow(),
                        all.stream().mapToDouble(Point::y).max().orElseThrow(),
                        false);
        axes(out, x, y, xLabel, yLabel);
        for (int i = 0; i < series.size(); i++) {
            line(out, series.get(i), i, x, y, xLabel);
        }
        return out.append("</svg>").toString();
    }

    private static List<Point> finite(List<Point> points) {
        return points.stream()
                .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()))
                .sorted(Comparator.comparingDouble(Point::x))
                .toList();
    }

    private static void legend(StringBuilder out, List<Series> series) {
        double at = LEFT;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            out.append("<g class=\"legend-item ").append(style(s, i)).append("\">");
            out.append("<line x1=\"")
                    .append(num(at))
                    .append("\" y1=\"28\" x2=\"")
                    .append(num(at + 18))
                    .append("\" y2=\"28\"/>");
            out.append("<text x=\"")
                    .append(num(at + 22))
                    .append("\" y=\"32\">")
                    .append(escape(s.name()))
                    .append("</text></g>");
            // No text measuring on the server: about 7 units per character at this size.
            at += 22 + 7 * s.name().length() + 16;
        }
    }

    private static void axes(
            StringBuilder out, ChartAxis x, ChartAxis y, String xLabel, String yLabel) {
        double bottom = HEIGHT - BOTTOM;
        double right = WIDTH - RIGHT;
        for (double tick : y.ticks()) {
            double py = py(tick, y);
            out.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(num(py))
                    .append("\" x2=\"")
                    .append(num(right))
                    .append("\" y2=\"")
                    .append(num(py))
                    .append("\"/>");
            out.append("<text class=\"tick y-tick\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(num(py + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(escape(Formats.number(tick)))
                    .append("</text>");
        }
        for (double tick : x.ticks()) {
            double px = px(tick, x);
            out.append("<line class=\"tick-mark\" x1=\"")
                    .append(num(px))
                    .append("\" y1=\"")
                    .append(num(bottom))
                    .append("\" x2=\"")
                    .append(num(px))
                    .append("\" y2=\"")
                    .append(num(bottom + 4))
                    .append("\"/>");
            out.append("<text class=\"tick x-tick\" x=\"")
                    .append(num(px))
                    .append("\" y=\"")
                    .append(num(bottom + 16))
                    .append("\" text-anchor=\"middle\">")
                    .append(escape(Formats.number(tick)))
                    .append("</text>");
        }
        out.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(num(bottom))
                .append("\" x2=\"")
                .append(num(right))
                .append("\" y2=\"")
                .append(num(bottom))
                .append("\"/>");
        out.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(TOP)
                .append("\" x2=\"")
                .append(LEFT)
                .append("\" y2=\"")
                .append(num(bottom))
                .append("\"/>");
        out.append("<text class=\"axis-label\" x=\"")
                .append(num((LEFT + right) / 2))
                .append("\" y=\"")
                .append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">")
                .append(escape(xLabel))
                .append("</text>");
        double middle = (TOP + bottom) / 2;
        out.append("<text class=\"axis-label\" x=\"14\" y=\"")
                .append(num(middle))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(num(middle))
                .append(")\">")
                .append(escape(yLabel))
                .append("</text>");
    }

    private static void line(
            StringBuilder out, Series s, int index, ChartAxis x, ChartAxis y, String xLabel) {
        List<Point> points = finite(s.points());
        if (points.isEmpty()) {
            return;
        }
        out.append("<g class=\"series ").append(style(s, index)).append("\">");
        if (points.size() > 1) {
            List<String> coordinates = new ArrayList<>(points.size());
            for (Point p : points) {
                coordinates.add(num(px(p.x(), x)) + "," + num(py(p.y(), y)));
            }
            out.append("<polyline fill=\"none\" points=\"")
                    .append(String.join(" ", coordinates))
                    .append("\"/>");
        }
        for (Point p : points) {
            out.append("<circle cx=\"")
                    .append(num(px(p.x(), x)))
                    .append("\" cy=\"")
                    .append(num(py(p.y(), y)))
                    .append("\" r=\"3\"><title>")
                    .append(
                            escape(
                                    s.name()
                                            + ", "
                                            + xLabel
                                            + " "
                                            + Formats.number(p.x())
                                            + ": "
                                            + Formats.number(p.y())))
                    .append("</title></circle>");
        }
        out.append("</g>");
    }

    private static String style(Series s, int index) {
        return "series-" + (index % SERIES_STYLES) + (s.dashed() ? " dashed" : "");
    }

    static double px(double value, ChartAxis x) {
        return LEFT + (value - x.min()) / (x.max() - x.min()) * (WIDTH - LEFT - RIGHT);
    }

    static double py(double value, ChartAxis y) {
        return HEIGHT - BOTTOM - (value - y.min()) / (y.max() - y.min()) * (HEIGHT - TOP - BOTTOM);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** XML text and attribute escaping. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
