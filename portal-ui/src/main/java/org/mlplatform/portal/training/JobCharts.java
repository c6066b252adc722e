package org.mlplatform.portal.training;

import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.layout.LineChart;
import org.mlplatform.portal.layout.LineChart.Point;
import org.mlplatform.portal.layout.LineChart.Series;

/** Loss and accuracy (MAE and RMSE for regression) per epoch, train solid, validation dashed. */
class JobCharts extends FlexLayout {

    final LineChart loss = new LineChart("Loss", "Epoch", "Loss");
    final LineChart quality;
    private final boolean regression;

    JobCharts(TrainingTask task) {
        regression = task == TrainingTask.REGRESSION;
        quality =
                regression
                        ? new LineChart("Error (MAE, RMSE)", "Epoch", "Error")
                        : new LineChart("Accuracy", "Epoch", "Accuracy");
        loss.setId("loss-chart");
        quality.setId("quality-chart");
        loss.setEmptyText("Waiting for the first epoch");
        quality.setEmptyText("Waiting for the first epoch");
        setFlexWrap(FlexWrap.WRAP);
        setWidthFull();
        getStyle().set("gap", "var(--lumo-space-m)");
        add(loss, quality);
    }

    /** Redraws both charts from the epochs so far, in epoch order. */
    void show(Collection<EpochMetrics> epochs) {
        loss.setSeries(
                List.of(
                        series("Train loss", epochs, EpochMetrics::trainLoss, false),
                        series("Validation loss", epochs, EpochMetrics::validationLoss, true)));
        quality.setSeries(
                regression
                        ? List.of(
                                series("Train MAE", epochs, EpochMetrics::trainMae, false),
                                series("Validation MAE", epochs, EpochMetrics::validationMae, true),
                                series("Train RMSE", epochs, EpochMetrics::trainRmse, false),
                                series(
                                        "Validation RMSE",
                                        epochs,
                                        EpochMetrics::validationRmse,
                                        true))
                        : List.of(
                                series(
                                        "Train accuracy",
                                        epochs,
                                        EpochMetrics::trainAccuracy,
                                        false),
                                series(
                                        "Validation accuracy",
                                        epochs,
                                        EpochMetrics::validationAccuracy,
                                        true)));
    }

    private static Series series(
            String name,
            Collection<EpochMetrics> epochs,
            Function<EpochMetrics, Double> value,
            boolean dashed) {
        List<Point> points = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            Double v = value.apply(m);
            if (v != null) {
                points.add(new Point(m.epoch(), v));
            }
        }
        return new Series(name, points, dashed);
    }
}
