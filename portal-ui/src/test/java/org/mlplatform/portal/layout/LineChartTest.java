package org.mlplatform.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.ui.Dependency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.layout.LineChart.Point;
import org.mlplatform.portal.layout.LineChart.Series;

/** What the server sends to {@code <mlp-line-chart>}; drawing is Chart.js' job in the browser. */
class LineChartTest {

    private final LineChart chart = new LineChart("Loss", "Epoch", "Loss");

    /** The series property as the browser receives it. */
    private JsonNode sent() throws Exception {
        Object raw = chart.getElement().getPropertyRaw(LineChart.SERIES_PROPERTY);
        return new ObjectMapper().readTree(String.valueOf(raw));
    }

    @Test
    void shouldBeOurChartJsElementLoadedFromThePortal() {
        assertThat(chart.getElement().getTag()).isEqualTo("mlp-line-chart");
        assertThat(LineChart.class.getAnnotation(JsModule.class).value())
                .isEqualTo("context://charts/mlp-line-chart.js");
        // The module and the Chart.js build it imports are static resources of the portal.
        assertThat(getClass().getResource("/META-INF/resources/charts/mlp-line-chart.js"))
                .isNotNull();
        assertThat(getClass().getResource("/META-INF/resources/charts/chart.umd.min.js"))
                .isNotNull();
    }

    @Test
    void shouldMakeTheBrowserLoadTheModuleWhenTheChartIsShown() {
        MockVaadin.setup();
        try {
            // What Vaadin does for every newly attached component class before it answers.
            UI.getCurrent().getInternals().addComponentDependencies(LineChart.class);

            // context:// is outside Vaadin's bundle: the page loads the module at run time.
            assertThat(UI.getCurrent().getInternals().getDependencyList().getPendingSendToClient())
                    .anySatisfy(
                            d -> {
                                assertThat(d.getType()).isEqualTo(Dependency.Type.JS_MODULE);
                                assertThat(d.getUrl()).isEqualTo(LineChart.MODULE);
                            });
        } finally {
            MockVaadin.tearDown();
        }
    }

    @Test
    void shouldSendTitleAndAxisLabels() {
        assertThat(chart.getElement().getProperty("chartTitle")).isEqualTo("Loss");
        assertThat(chart.getElement().getProperty("xLabel")).isEqualTo("Epoch");
        assertThat(chart.getElement().getProperty("yLabel")).isEqualTo("Loss");
        assertThat(chart.getElement().getProperty("timeAxis", false)).isFalse();
        assertThat(chart.hasClassName("line-chart")).isTrue();
    }

    @Test
    void shouldSendEverySeriesWithNamePointsAndDashedFlag() throws Exception {
        chart.setSeries(
                List.of(
                        new Series("Train loss", List.of(new Point(1, 0.9), new Point(2, 0.5))),
                        new Series(
                                "Validation loss",
                                List.of(new Point(1, 1.0), new Point(2, 0.7)),
                                true)));

        JsonNode sent = sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("name").asText()).isEqualTo("Train loss");
        assertThat(sent.get(0).get("dashed").asBoolean()).isFalse();
        assertThat(sent.get(1).get("name").asText()).isEqualTo("Validation loss");
        assertThat(sent.get(1).get("dashed").asBoolean()).isTrue();
        assertThat(sent.get(1).get("points").toString())
                .isEqualTo("[{\"x\":1.0,\"y\":1.0},{\"x\":2.0,\"y\":0.7}]");
        assertThat(chart.getSeries())
                .extracting(Series::name)
                .containsExactly("Train loss", "Validation loss");
    }

    @Test
    void shouldReplaceTheSeriesOnEveryUpdate() throws Exception {
        chart.setSeries(List.of(new Series("Train", List.of(new Point(1, 0.9)))));
        chart.setSeries(
                List.of(new Series("Train", List.of(new Point(1, 0.9), new Point(2, 0.4)))));

        assertThat(sent()).hasSize(1);
        assertThat(sent().get(0).get("points")).hasSize(2);
    }

    @Test
    void shouldLeaveOutPointsThatAreNotFiniteAndSortByX() throws Exception {
        chart.setSeries(
                List.of(
                        new Series(
                                "Train",
                                List.of(
                                        new Point(3, 0.2),
                                        new Point(1, Double.NaN),
                                        new Point(2, Double.POSITIVE_INFINITY),
                                        new Point(0, 0.5)))));

        assertThat(sent().get(0).get("points").toString())
                .isEqualTo("[{\"x\":0.0,\"y\":0.5},{\"x\":3.0,\"y\":0.2}]")
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    @Test
    void shouldSendTheEmptyTextAndNoPointsBeforeTheFirstOne() throws Exception {
        assertThat(chart.getElement().getProperty("emptyText")).isEqualTo("No data yet");
        assertThat(sent()).isEmpty();

        chart.setEmptyText("Waiting for the first epoch");
        chart.setSeries(List.of(new Series("Train", List.of(new Point(1, Double.NaN)))));

        assertThat(chart.getElement().getProperty("emptyText"))
                .isEqualTo("Waiting for the first epoch");
        assertThat(sent().get(0).get("points")).isEmpty();
    }

    @Test
    void shouldSendNamesAsDataNotMarkup() throws Exception {
        LineChart odd = new LineChart("<b>\"Loss\" & co</b>", "Epoch", "it's");
        odd.setSeries(List.of(new Series("a<script>", List.of(new Point(1, 1)))));

        // Chart.js draws text on a canvas, so nothing is parsed as HTML; it arrives unchanged.
        assertThat(odd.getElement().getProperty("chartTitle")).isEqualTo("<b>\"Loss\" & co</b>");
        assertThat(LineChart.toJson(odd.getSeries()).get(0).get("name").asText())
                .isEqualTo("a<script>");
        assertThat(odd.getElement().getProperty("innerHTML")).isNull();
    }

    @Test
    void shouldSwitchTheXAxisToTimes() {
        chart.setTimeAxis(true);

        assertThat(chart.getElement().getProperty("timeAxis", false)).isTrue();
    }
}
