package org.mlplatform.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.layout.LineChart.Point;
import org.mlplatform.portal.layout.LineChart.Series;

class LineChartTest {

    private final LineChart chart = new LineChart("Loss", "Epoch", "Loss");

    @Test
    void shouldMapPointsOntoThePlotArea() {
        chart.setSeries(
                List.of(
                        new Series(
                                "Train",
                                List.of(new Point(0, 0), new Point(5, 0.5), new Point(10, 1)))));

        // x 0..10 and y 0..1 are already round: the corners of the plot area.
        assertThat(chart.svg())
                .contains("<polyline fill=\"none\" points=\"56.0,256.0 340.0,148.0 624.0,40.0\"/>");
        assertThat(chart.getElement().getProperty("innerHTML")).isEqualTo(chart.svg());
    }

    @Test
    void shouldWidenTheDomainToRoundTicks() {
        ChartAxis axis = ChartAxis.of(0.13, 0.92, false);

        assertThat(axis.min()).isEqualTo(0.0);
        assertThat(axis.max()).isEqualTo(1.0);
        assertThat(axis.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    }

    @Test
    void shouldUseWholeNumbersOnAnEpochAxis() {
        ChartAxis axis = ChartAxis.of(1, 3, true);

        assertThat(axis.step()).isEqualTo(1.0);
        assertThat(axis.ticks()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void shouldDrawOneSeriesPerNameWithLegendAndTooltips() {
        chart.setSeries(
                List.of(
                        new Series("Train loss", List.of(new Point(1, 0.9), new Point(2, 0.5))),
                        new Series(
                                "Validation loss",
                                List.of(new Point(1, 1.0), new Point(2, 0.7)),
                                true)));

        String svg = chart.svg();
        assertThat(svg).contains("<g class=\"series series-0\">");
        assertThat(svg).contains("<g class=\"series series-1 dashed\">");
        assertThat(svg).contains(">Train loss</text>").contains(">Validation loss</text>");
        assertThat(svg).contains("<title>Validation loss, Epoch 2: 0.7</title>");
        assertThat(svg.split("<circle", -1)).hasSize(5);
        assertThat(svg).contains("text-anchor=\"end\">0.5</text>");
    }

    @Test
    void shouldEscapeNamesAndLabels() {
        LineChart odd = new LineChart("<b>\"Loss\" & co</b>", "Epoch", "it's");
        odd.setSeries(List.of(new Series("a<script>", List.of(new Point(1, 1)))));

        String svg = odd.svg();
        assertThat(svg).doesNotContain("<b>").doesNotContain("<script>");
        assertThat(svg).contains("&lt;b&gt;&quot;Loss&quot; &amp; co&lt;/b&gt;");
        assertThat(svg).contains("a&lt;script&gt;").contains("it&#39;s");
    }

    @Test
    void shouldSayThereIsNoDataWhileNoSeriesHasAPoint() {
        chart.setSeries(List.of(new Series("Train", List.of(new Point(1, Double.NaN)))));

        assertThat(chart.svg())
                .contains("No data yet")
                .doesNotContain("<polyline")
                .doesNotContain("<circle");

        chart.setEmptyText("Waiting for the first epoch");
        assertThat(chart.svg()).contains("Waiting for the first epoch");
    }

    @Test
    void shouldDrawASinglePointWithoutALine() {
        chart.setSeries(List.of(new Series("Train", List.of(new Point(1, 0.5)))));

        assertThat(chart.svg()).doesNotContain("<polyline").contains("<circle");
        assertThat(chart.svg()).doesNotContain("NaN").doesNotContain("Infinity");
    }
}
