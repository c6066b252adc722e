package org.mlplatform.portal.training;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.FakeTraining;
import org.mlplatform.portal.PortalUi;

class TrainingJobsViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void threeJobsInAcmeOneInBeta() {
        platform.training.job(
                "acme",
                JobStatus.SUCCEEDED,
                TrainingTask.CLASSIFICATION,
                0,
                FakeTraining.epoch(10, 0.2, 0.1));
        platform.training.job("acme", JobStatus.FAILED, TrainingTask.REGRESSION, 10, null);
        platform.training.job("acme", JobStatus.RUNNING, TrainingTask.CLASSIFICATION, 20, null);
        platform.training.job("beta", JobStatus.QUEUED, TrainingTask.CLASSIFICATION, 30, null);
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private TrainingJobsView open(String tenant) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/training");
        return _get(TrainingJobsView.class);
    }

    private static String badge(TrainingJobsView view, int row) {
        Span badge = (Span) _getCellComponent(view.grid, row, "status");
        assertThat(badge.getClassNames()).contains("status-" + badge.getText());
        return badge.getText();
    }

    @Test
    void shouldListTheTenantsJobsNewestFirstWithBadges() {
        TrainingJobsView view = open("acme");

        assertThat(_size(view.grid)).isEqualTo(3);
        assertThat(badge(view, 0)).isEqualTo("RUNNING");
        assertThat(badge(view, 1)).isEqualTo("FAILED");
        assertThat(badge(view, 2)).isEqualTo("SUCCEEDED");
        assertThat(((Span) _getCellComponent(view.grid, 2, "status")).getElement().getThemeList())
                .contains("badge", "success");
        assertThat(_getFormatted(view.grid, 2, "created")).isEqualTo("2025-03-01 10:00 UTC");
        assertThat(_getFormatted(view.grid, 2, "dataset")).isEqualTo("iris");
        assertThat(_getFormatted(view.grid, 2, "task")).isEqualTo("classification · mlp");
        assertThat(_getFormatted(view.grid, 2, "output")).isEqualTo("iris-mlp v3");
        assertThat(_getFormatted(view.grid, 2, "metric")).isEqualTo("accuracy 0.95");
        assertThat(_getFormatted(view.grid, 2, "duration")).isEqualTo("3 min 00 s");
        assertThat(_getFormatted(view.grid, 1, "metric")).isEqualTo("–");
    }

    @Test
    void shouldFilterByStatus() {
        TrainingJobsView view = open("acme");

        _setValue(view.status, JobStatus.FAILED);

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(badge(view, 0)).isEqualTo("FAILED");
        assertThat(_getFormatted(view.grid, 0, "task")).isEqualTo("regression · mlp");

        _setValue(view.status, null);
        assertThat(_size(view.grid)).isEqualTo(3);
    }

    @Test
    void shouldPollWhileAJobIsActiveAndStopWhenAllHaveFinished() {
        TrainingJobsView view = open("acme");
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(TrainingJobsView.POLL_MILLIS);

        platform.training.setStatus(new java.util.UUID(0, 3), JobStatus.SUCCEEDED);
        com.vaadin.flow.component.ComponentUtil.fireEvent(
                ui, new com.vaadin.flow.component.PollEvent(ui, true));

        assertThat(badge(view, 0)).isEqualTo("SUCCEEDED");
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldStopPollingWhenTheUserLeaves() {
        open("acme");

        UI.getCurrent().navigate("t/acme/dashboard");

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldOpenAJobWhenItsRowIsClicked() {
        TrainingJobsView view = open("acme");

        _clickItem(view.grid, 1);

        TrainingJobView detail = _get(TrainingJobView.class);
        assertThat(detail.header.attempt.getText()).isEqualTo("Attempt 1 of 3");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("t/acme/training/00000000-0000-0000-0000-000000000002");
    }

    @Test
    void shouldOfferNewJobsToMembersOnly() {
        TrainingJobsView member = open("acme");
        _click(_get(member, Button.class, spec -> spec.withId("new-training-job")));
        assertThat(_find(NewTrainingJobView.class)).hasSize(1);
        PortalUi.tearDown();

        platform.signIn("alice", false, "beta", TenantRole.VIEWER);
        TrainingJobsView viewer = open("beta");

        assertThat(_find(viewer, Button.class)).isEmpty();
        assertThat(_size(viewer.grid)).isEqualTo(1);
    }
}
