package org.mlplatform.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.serving.trained.Preprocessing;

/** Preprocessing learned on the training split: no DJL involved. */
class TabularDataTest {

    @Test
    void shouldStandardiseWithTrainingStatisticsAndFillMissingNumbersWithTheMean()
            throws Exception {
        // The profile says NUMERIC: a stray text cell counts as missing.
        TrainingData data =
                TabularData.prepare(
                        CsvTable.read(
                                new StringReader("x,label\n1,a\n3,b\n,a\n5,b\nnot a number,a\n")),
                        new DataSettings(
                                TrainingTask.CLASSIFICATION,
                                "label",
                                null,
                                Map.of("x", ColumnType.NUMERIC),
                                null,
                                0.0,
                                1L,
                                16,
                                1));
        Preprocessing.Feature x = data.preprocessing().features().get(0);

        assertThat(x.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(x.mean()).isCloseTo(3.0, within(1e-9));
        assertThat(x.std()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-9));
        assertThat(data.train().x()[2]).isEqualTo(0f);
        assertThat(data.train().x()[4]).isEqualTo(0f);
        assertThat(data.train().x()[0]).isCloseTo((float) (-2 / x.std()), within(1e-6f));
    }

    @Test
    void shouldEncodeARowOfNumbersAsItsTextAndMatchCategoriesByValue() throws Exception {
        TrainingData data =
                TabularData.prepare(
                        CsvTable.read(
                                new StringReader("x,grade,label\n1.5,1,a\n3.25,2,b\n5,1,a\n")),
                        new DataSettings(
                                TrainingTask.CLASSIFICATION,
                                "label",
                                null,
                                Map.of("x", ColumnType.NUMERIC, "grade", ColumnType.CATEGORICAL),
                                null,
                                0.0,
                                1L,
                                16,
                                1));
        Preprocessing p = data.preprocessing();
        float[] numbers = {9f, 2.5f, 2f, Float.NaN, 7f};

        assertThat(encode(p, numbers, 1)).containsExactly(encode(p, "2.5", "2"), within(1e-6f));
        assertThat(encode(p, numbers, 3)).containsExactly(encode(p, "", "7"));
        assertThat(encode(p, "", "7")).containsExactly(0f, 0f, 0f, 1f);
    }

    private static float[] encode(Preprocessing p, float[] values, int from) {
        float[] out = new float[p.inputWidth()];
        p.encodeRow(values, from, out, 0);
        return out;
    }

    private static float[] encode(Preprocessing p, String... cells) {
        float[] out = new float[p.inputWidth()];
        p.encodeRow(cells, out, 0);
        return out;
    }

    @Test
    void shouldInferCategoricalColumnsWithoutAProfile() throws Exception {
        TrainingData data = prepare("colour,label\nred,a\nblue,b\n,a\n", 0.0, null);

        assertThat(data.preprocessing().features().get(0).type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(data.preprocessing().features().get(0).categories())
                .containsExactly("blue", "red");
        assertThat(data.preprocessing().inputWidth()).isEqualTo(3);
    }

    @Test
    void shouldTakeClassesFromTheSpecOrSortDistinctLabelsNumerically() throws Exception {
        assertThat(prepare("x,label\n1,10\n2,9\n3,10\n4,2\n", 0.0, null).preprocessing().classes())
                .containsExactly("2", "9", "10");
        TrainingData given = prepare("x,label\n1,b\n2,a\n", 0.0, java.util.List.of("b", "a", "c"));
        assertThat(given.preprocessing().classes()).containsExactly("b", "a", "c");
        assertThat(given.train().y()).containsExactly(0f, 1f);
    }

    @Test
    void shouldDropRowsWithoutALabelAndSaySo() throws Exception {
        TrainingData data = prepare("x,label\n1,a\n2,\n3,b\n", 0.0, null);

        assertThat(data.train().count()).isEqualTo(2);
        assertThat(data.notes()).containsExactly("Dropped 1 of 3 rows with an empty 'label'.");
    }

    @Test
    void shouldRefuseDataThatCannotTrainWithAMessageToActOn() {
        assertThatThrownBy(() -> prepare("x,label\n1,a\n2,a\n3,a\n", 0.0, null))
                .hasMessageContaining("only one class ('a')");
        assertThatThrownBy(() -> prepare("x,label\n1,a\n2,b\n", 0.5, null))
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageContaining("only one class"),
                        e -> assertThat(e).hasMessageContaining("No validation rows"));
        assertThatThrownBy(() -> prepare("x,label\n1,a\n", 0.9, null))
                .hasMessageContaining("No training rows are left");
        assertThatThrownBy(
                        () ->
                                TabularData.prepare(
                                        CsvTable.read(new StringReader("x,y\n1,a\n2,b\n")),
                                        settings(TrainingTask.REGRESSION, 0.0, null)))
                .hasMessageContaining("numeric label");
    }

    private static TrainingData prepare(String csv, double split, java.util.List<String> classes)
            throws Exception {
        return TabularData.prepare(
                CsvTable.read(new StringReader(csv)),
                settings(TrainingTask.CLASSIFICATION, split, classes));
    }

    private static DataSettings settings(
            TrainingTask task, double split, java.util.List<String> classes) {
        String label = task == TrainingTask.REGRESSION ? "y" : "label";
        return new DataSettings(task, label, null, Map.of(), classes, split, 1L, 16, 1);
    }
}
