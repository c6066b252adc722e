package org.mlplatform.portal.training;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class NewTrainingJobViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private TrainingJobForm open() {
        platform.datasets.add("acme", Datasets.iris(), null);
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/training/new");
        return _get(NewTrainingJobView.class).form;
    }

    @Test
    void shouldQueueTheJobAndOpenIt() {
        TrainingJobForm form = open();

        _click(form.submit);

        assertThat(platform.writes).hasSize(1);
        CreateTrainingJobRequest sent = (CreateTrainingJobRequest) platform.writes.get(0);
        assertThat(sent.dataset()).isEqualTo("iris");
        assertThat(sent.labelColumn()).isEqualTo("species");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("t/acme/training/00000000-0000-0000-0000-000000000001");
        assertThat(_get(TrainingJobView.class).header.title.getText()).isEqualTo("iris → iris-mlp");
    }

    @Test
    void shouldShowARefusedFieldNextToIt() {
        TrainingJobForm form = open();
        platform.failNextWrite(
                400, "Invalid request", Map.of("labelColumn", "species has only one value"));

        _click(form.submit);

        assertThat(form.label.isInvalid()).isTrue();
        assertThat(form.label.getErrorMessage()).isEqualTo("species has only one value");
        assertThat(_get(NewTrainingJobView.class).form).isSameAs(form);
    }

    @Test
    void shouldShowAProblemWithoutAFieldAsANotification() {
        TrainingJobForm form = open();
        platform.failNextWrite(
                400, "The tenant's training time for this month is spent.", Map.of());

        _click(form.submit);

        MockVaadin.clientRoundtrip();
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .contains("The tenant's training time for this month is spent.");
    }

    @Test
    void shouldPickTheDatasetNamedInTheLink() {
        platform.datasets.add("acme", Datasets.iris(), null);
        platform.datasets.add("acme", Datasets.digits(), null);
        PortalUi.setUp(platform);
        UI.getCurrent()
                .navigate(
                        "t/acme/training/new",
                        com.vaadin.flow.router.QueryParameters.of(
                                NewTrainingJobView.DATASET_PARAMETER, "Digits_2025"));

        TrainingJobForm form = _get(NewTrainingJobView.class).form;
        assertThat(form.dataset.getValue().name()).isEqualTo("Digits_2025");
        assertThat(form.outputModel.getValue()).isEqualTo("digits-2025-cnn");
    }

    @Test
    void shouldPointToTheDatasetsWhenThereAreNone() {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/training/new");

        NewTrainingJobView view = _get(NewTrainingJobView.class);
        assertThat(view.form).isNull();
        assertThat(view.getElement().getTextRecursively()).contains("No datasets yet");
    }
}
