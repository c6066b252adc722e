package org.mlplatform.portal.training;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.FakeTraining;
import org.mlplatform.portal.PortalUi;
import org.mlplatform.portal.layout.LineChart;

class TrainingJobViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    /** A running classification job that has finished two epochs. */
    private UUID runningJob() {
        UUID id =
                platform.training
                        .job("acme", JobStatus.RUNNING, TrainingTask.CLASSIFICATION, 0, null)
                        .id();
        platform.training.event(id, JobEventType.STATUS, "attempt 1", JobStatus.RUNNING, null);
        platform.training.event(id, JobEventType.LOG, "150 rows, 4 features", null, null);
        platform.training.event(
                id, JobEventType.EPOCH, null, null, FakeTraining.epoch(1, 0.9, 1.0));
        platform.training.event(
                id, JobEventType.CHECKPOINT, null, null, FakeTraining.epoch(1, 0.9, 1.0));
        platform.training.event(
                id, JobEventType.EPOCH, null, null, FakeTraining.epoch(2, 0.5, 0.7));
        return id;
    }

    private TrainingJobView open(UUID id) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/training/" + id);
        return _get(TrainingJobView.class);
    }

    private static List<LineChart.Point> points(LineChart chart, String series) {
        return chart.getSeries().stream()
                .filter(s -> s.name().equals(series))
                .findFirst()
                .orElseThrow()
                .points();
    }

    @Test
    void shouldDrawLossAndAccuracyPerEpochFromTheEpochEvents() {
        TrainingJobView view = open(runningJob());

        assertThat(view.charts.loss.getSeries())
                .extracting(LineChart.Series::name)
                .containsExactly("Train loss", "Validation loss");
        assertThat(points(view.charts.loss, "Validation loss"))
                .containsExactly(new LineChart.Point(1, 1.0), new LineChart.Point(2, 0.7));
        assertThat(points(view.charts.quality, "Train accuracy"))
                .containsExactly(new LineChart.Point(1, 0.55), new LineChart.Point(2, 0.75));
        assertThat(view.charts.loss.getElement().getPropertyRaw("series").toString())
                .contains("{\"x\":2.0,\"y\":0.7}");
    }

    @Test
    void shouldShowLogAndStatusEventsWithTheirTime() {
        TrainingJobView view = open(runningJob());

        assertThat(view.log.lines())
                .containsExactly(
                        "10:00:00  RUNNING – attempt 1", "10:00:01  INFO  150 rows, 4 features");
        assertThat(_get(view.header.badgeHolder, Span.class).getText()).isEqualTo("RUNNING");
        assertThat(view.header.attempt.getText()).isEqualTo("Attempt 1 of 3");
        assertThat(view.header.worker.getText())
                .isEqualTo("Worker 00000000-0000-0007-0000-000000000007");
    }

    @Test
    void shouldAppendWhatIsNewOnTheNextBackgroundRefresh() {
        UUID id = runningJob();
        TrainingJobView view = open(id);
        assertThat(view.isLive()).isTrue();
        assertThat(UI.getCurrent().getPollInterval())
                .isEqualTo(TrainingJobView.TOKEN_RENEWAL_MILLIS);
        platform.training.event(
                id, JobEventType.EPOCH, null, null, FakeTraining.epoch(3, 0.3, 0.4));
        platform.training.event(id, JobEventType.LOG, "epoch 3 done", null, null);

        platform.live.tick();
        MockVaadin.clientRoundtrip();

        assertThat(points(view.charts.loss, "Train loss")).hasSize(3);
        assertThat(view.log.lines()).hasSize(3).last().asString().endsWith("epoch 3 done");

        platform.live.tick();
        MockVaadin.clientRoundtrip();
        assertThat(view.log.lines()).hasSize(3);
    }

    @Test
    void shouldReplaceARepeatedEpochOfAResumedAttempt() {
        UUID id = runningJob();
        TrainingJobView view = open(id);
        platform.training.event(
                id, JobEventType.EPOCH, null, null, FakeTraining.epoch(2, 0.4, 0.6));

        view.refresh();

        assertThat(points(view.charts.loss, "Train loss"))
                .containsExactly(new LineChart.Point(1, 0.9), new LineChart.Point(2, 0.4));
    }

    @Test
    void shouldStopRefreshingAndLinkTheResultWhenTheJobSucceeds() {
        UUID id = runningJob();
        TrainingJobView view = open(id);
        platform.training.setStatus(id, JobStatus.SUCCEEDED);
        platform.training.event(id, JobEventType.STATUS, null, JobStatus.SUCCEEDED, null);

        platform.live.tick();
        MockVaadin.clientRoundtrip();

        assertThat(view.isLive()).isFalse();
        assertThat(platform.live.running()).isZero();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(view.header.cancel.isVisible()).isFalse();
        assertThat(view.log.lines()).last().asString().endsWith("SUCCEEDED");
        RouterLink link = _get(view.header.result, RouterLink.class);
        assertThat(link.getHref()).isEqualTo("t/acme/models/iris-mlp?version=3");
        assertThat(link.getText()).isEqualTo("iris-mlp v3");
    }

    @Test
    void shouldCancelARunningJobAfterConfirmation() {
        UUID id = runningJob();
        TrainingJobView view = open(id);
        assertThat(view.header.cancel.isVisible()).isTrue();

        _click(view.header.cancel);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(platform.training.cancelled).containsExactly(id);
        assertThat(_get(view.header.badgeHolder, Span.class).getText()).isEqualTo("CANCELLED");
        assertThat(view.header.cancel.isVisible()).isFalse();
        assertThat(view.isLive()).isFalse();
    }

    @Test
    void shouldNotOfferCancelOrRefreshForAFinishedJob() {
        UUID id =
                platform.training
                        .job("acme", JobStatus.FAILED, TrainingTask.CLASSIFICATION, 0, null)
                        .id();

        TrainingJobView view = open(id);

        assertThat(view.header.cancel.isVisible()).isFalse();
        assertThat(view.isLive()).isFalse();
        assertThat(platform.live.running()).isZero();
        assertThat(view.header.error.getText()).isEqualTo("The dataset has no rows.");
        assertThat(view.charts.loss.getElement().getProperty("emptyText"))
                .isEqualTo("Waiting for the first epoch");
        assertThat(view.charts.loss.getSeries()).allMatch(s -> s.points().isEmpty());
    }

    @Test
    void shouldChartMaeAndRmseForRegression() {
        UUID id =
                platform.training
                        .job("acme", JobStatus.RUNNING, TrainingTask.REGRESSION, 0, null)
                        .id();
        platform.training.event(
                id,
                JobEventType.EPOCH,
                null,
                null,
                new EpochMetrics(1, 5, 2.0, 2.5, null, null, 1.1, 1.3, 1.4, 1.6, 0.5, 900));

        TrainingJobView view = open(id);

        assertThat(view.charts.quality.getSeries())
                .extracting(LineChart.Series::name)
                .containsExactly("Train MAE", "Validation MAE", "Train RMSE", "Validation RMSE");
        assertThat(points(view.charts.quality, "Validation RMSE"))
                .containsExactly(new LineChart.Point(1, 1.6));
    }

    @Test
    void shouldStopRefreshingWhenTheUserLeaves() {
        open(runningJob());
        assertThat(platform.live.running()).isEqualTo(1);

        UI.getCurrent().navigate("t/acme/dashboard");

        assertThat(platform.live.running()).isZero();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldFollowOnlyTheJobShownWhenGoingFromOneJobToAnother() {
        UUID first = runningJob();
        UUID second =
                platform.training
                        .job("acme", JobStatus.RUNNING, TrainingTask.CLASSIFICATION, 5, null)
                        .id();
        platform.training.event(second, JobEventType.LOG, "second job's line", null, null);
        TrainingJobView view = open(first);

        UI.getCurrent().navigate("t/acme/training/" + second);
        platform.training.event(first, JobEventType.LOG, "first job's late line", null, null);
        platform.live.tick();
        MockVaadin.clientRoundtrip();

        assertThat(_get(TrainingJobView.class)).isSameAs(view);
        assertThat(platform.live.running()).isEqualTo(1);
        assertThat(view.log.lines()).hasSize(1).first().asString().endsWith("second job's line");
        assertThat(view.charts.loss.getSeries().get(0).points()).isEmpty();
    }

    @Test
    void shouldPauseQuietlyWhileAReadFailsAndCarryOnAfterwards() {
        UUID id = runningJob();
        TrainingJobView view = open(id);
        FakeTraining training = platform.training;
        training.failReads = new org.mlplatform.portal.api.PlatformApiException(401, "expired");

        platform.live.tick();
        MockVaadin.clientRoundtrip();

        assertThat(view.paused.isVisible()).isTrue();
        assertThat(view.paused.getText()).contains("until your sign-in is renewed");
        assertThat(view.isLive()).isTrue();

        training.failReads = null;
        training.event(id, JobEventType.LOG, "back again", null, null);
        platform.live.tick();
        MockVaadin.clientRoundtrip();

        assertThat(view.paused.isVisible()).isFalse();
        assertThat(view.log.lines()).last().asString().endsWith("back again");
    }

    @Test
    void shouldSayWhenTheJobDoesNotExist() {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/training/" + new UUID(9, 9));

        assertThat(_get(TrainingJobView.class).getElement().getTextRecursively())
                .contains("Training job not found");

        UI.getCurrent().navigate("t/acme/training/not-a-uuid");
        assertThat(_get(TrainingJobView.class).getElement().getTextRecursively())
                .contains("Training job not found");
    }
}
