package org.mlplatform.portal.model;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class ModelViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void irisWithThreeVersions() {
        platform.models.model("acme", "iris", "Flowers", ModelTask.TABULAR_CLASSIFICATION);
        platform.models.version(
                "acme",
                "iris",
                ModelVersionStatus.READY,
                new ModelSignature(
                        List.of(new TensorSpec("features", "float32", List.of(-1L, 4L))),
                        List.of(new TensorSpec("probabilities", "float32", List.of(-1L, 3L)))),
                null);
        platform.models.version(
                "acme", "iris", ModelVersionStatus.FAILED, null, "The ONNX file is truncated.");
        platform.models.version("acme", "iris", ModelVersionStatus.VALIDATING, null, null);
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private ModelView open(String tenant, String model) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/models/" + model);
        return _get(ModelView.class);
    }

    private static String badge(ModelView view, int row) {
        Span badge = (Span) _getCellComponent(view.versions, row, "status");
        assertThat(badge.getClassNames()).contains("status-" + badge.getText());
        return badge.getText();
    }

    @Test
    void shouldListVersionsNewestFirstWithStatusBadges() {
        ModelView view = open("acme", "iris");

        assertThat(_size(view.versions)).isEqualTo(3);
        assertThat(_getFormatted(view.versions, 0, "version")).isEqualTo("v3");
        assertThat(badge(view, 0)).isEqualTo("VALIDATING");
        assertThat(badge(view, 1)).isEqualTo("FAILED");
        assertThat(badge(view, 2)).isEqualTo("READY");
        assertThat(
                        ((Span) _getCellComponent(view.versions, 2, "status"))
                                .getElement()
                                .getThemeList())
                .contains("badge", "success");
        assertThat(_getFormatted(view.versions, 2, "size")).isEqualTo("1.5 KB");
        assertThat(_getFormatted(view.versions, 2, "sha256")).isEqualTo("0123456789ab");
        assertThat(_getFormatted(view.versions, 2, "format")).isEqualTo("onnx");
        assertThat(view.getElement().getTextRecursively()).contains("Flowers");
    }

    @Test
    void shouldShowTheSignatureOfTheSelectedVersion() {
        ModelView view = open("acme", "iris");

        view.versions.select(platform.models.get("acme", "iris", 1));

        assertThat(_size(view.details.signature)).isEqualTo(2);
        assertThat(_getFormatted(view.details.signature, 0, "name")).isEqualTo("features");
        assertThat(_getFormatted(view.details.signature, 0, "type")).isEqualTo("float32");
        assertThat(_getFormatted(view.details.signature, 0, "shape")).isEqualTo("[-1, 4]");
        assertThat(_getFormatted(view.details.signature, 1, "direction")).isEqualTo("Output");
        assertThat(_get(view.details, Anchor.class).getHref())
                .isEqualTo("/download/t/acme/models/iris/versions/1");
    }

    @Test
    void shouldShowWhyAVersionFailed() {
        ModelView view = open("acme", "iris");

        view.versions.select(platform.models.get("acme", "iris", 2));

        assertThat(view.details.failure.getText()).isEqualTo("The ONNX file is truncated.");
        assertThat(view.details.failure.isAttached()).isTrue();
    }

    @Test
    void shouldPollWhileAVersionValidatesAndStopWhenItIsDone() {
        ModelView view = open("acme", "iris");
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(ModelView.POLL_MILLIS);

        platform.models.setStatus("acme", "iris", 3, ModelVersionStatus.READY);
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(badge(view, 0)).isEqualTo("READY");
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldStopPollingWhenTheUserLeaves() {
        open("acme", "iris");

        UI.getCurrent().navigate("t/acme/dashboard");

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldOfferUploadAndDeleteToMembersOnly() {
        ModelView member = open("acme", "iris");
        assertThat(_get(member, Upload.class).getId()).hasValue("version-upload");
        PortalUi.tearDown();

        platform.models.model("beta", "iris", null, ModelTask.OTHER);
        platform.models.version("beta", "iris", ModelVersionStatus.READY, null, null);
        platform.signIn("alice", false, "beta", TenantRole.VIEWER);
        ModelView viewer = open("beta", "iris");

        assertThat(_find(viewer, Upload.class)).isEmpty();
        assertThat(_find(viewer, Button.class)).isEmpty();
        assertThat(_size(viewer.versions)).isEqualTo(1);
    }

    @Test
    void shouldShowTheApisMessageWhenDeletingFails() {
        ModelView view = open("acme", "iris");
        platform.failNextWrite(409, "Version 1 is deployed.", java.util.Map.of());

        Button delete =
                _get(
                        _getCellComponent(view.versions, 2, "actions"),
                        Button.class,
                        spec -> spec.withId("delete-version-1"));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(delete);
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        ComponentUtil.fireEvent(
                confirm,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(
                        confirm, true));
        confirm.close();

        MockVaadin.clientRoundtrip();
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .contains("Version 1 is deployed.");
        assertThat(_size(view.versions)).isEqualTo(3);
    }

    @Test
    void shouldLinkATrainedVersionToItsJobAndShowItsMetrics() {
        java.util.UUID job = new java.util.UUID(0, 42);
        platform.models.trainedVersion(
                "acme", "iris", job, java.util.Map.of("validationAccuracy", 0.9667, "loss", 0.12));
        ModelView view = open("acme", "iris");

        com.vaadin.flow.router.RouterLink source =
                (com.vaadin.flow.router.RouterLink) _getCellComponent(view.versions, 0, "source");
        assertThat(source.getText()).isEqualTo("TRAINING");
        assertThat(source.getHref())
                .isEqualTo("t/acme/training/00000000-0000-0000-0000-00000000002a");
        assertThat(((Span) _getCellComponent(view.versions, 1, "source")).getText())
                .isEqualTo("UPLOAD");

        view.versions.select(platform.models.get("acme", "iris", 4));

        assertThat(_size(view.details.metrics)).isEqualTo(2);
        assertThat(_getFormatted(view.details.metrics, 0, "name")).isEqualTo("loss");
        assertThat(_getFormatted(view.details.metrics, 1, "value")).isEqualTo("0.9667");
        assertThat(
                        _get(
                                        view.details,
                                        com.vaadin.flow.router.RouterLink.class,
                                        spec -> spec.withText("TRAINING"))
                                .getHref())
                .isEqualTo("t/acme/training/00000000-0000-0000-0000-00000000002a");
    }

    @Test
    void shouldSelectTheVersionNamedInTheLink() {
        PortalUi.setUp(platform);
        UI.getCurrent()
                .navigate(
                        "t/acme/models/iris",
                        com.vaadin.flow.router.QueryParameters.of(
                                ModelView.VERSION_PARAMETER, "2"));

        ModelView view = _get(ModelView.class);
        assertThat(view.versions.asSingleSelect().getValue().version()).isEqualTo(2);
        assertThat(view.details.failure.getText()).isEqualTo("The ONNX file is truncated.");
    }

    @Test
    void shouldShowEachVersionsDeploymentAndOfferDeployOnReadyOnes() {
        platform.models.version("acme", "iris", ModelVersionStatus.READY, null, null);
        platform.deployments.deployment(
                "acme", "iris", 1, org.mlplatform.contract.deployment.DeploymentStatus.READY, null);
        ModelView view = open("acme", "iris");

        assertThat(
                        _getCellComponent(view.versions, 3, "deployment")
                                .getElement()
                                .getTextRecursively())
                .isEqualTo("READY");
        assertThat(
                        _getCellComponent(view.versions, 0, "deployment")
                                .getElement()
                                .getTextRecursively())
                .isEqualTo("Not deployed");
        assertThat(
                        com.github.mvysny.kaributesting.v10.LocatorJ._find(
                                _getCellComponent(view.versions, 3, "actions"),
                                Button.class,
                                spec -> spec.withText("Deploy")))
                .isEmpty();

        com.github.mvysny.kaributesting.v10.LocatorJ._click(
                _get(
                        _getCellComponent(view.versions, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("deploy-version-4")));
        var form =
                _get(
                        com.vaadin.flow.component.formlayout.FormLayout.class,
                        spec -> spec.withId("deploy-form"));
        assertThat(_get(form, com.vaadin.flow.component.combobox.ComboBox.class).getValue())
                .isEqualTo("iris");
        assertThat(
                        _get(
                                        form,
                                        com.vaadin.flow.component.select.Select.class,
                                        s -> s.withId("deploy-version"))
                                .getValue())
                .isEqualTo(4);
    }

    @Test
    void shouldPollWhileAVersionIsBeingDeployed() {
        platform.models.setStatus("acme", "iris", 3, ModelVersionStatus.READY);
        var pending =
                platform.deployments.deployment(
                        "acme",
                        "iris",
                        3,
                        org.mlplatform.contract.deployment.DeploymentStatus.PENDING,
                        null);
        ModelView view = open("acme", "iris");
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(ModelView.POLL_MILLIS);

        platform.deployments.setStatus(
                pending.id(), org.mlplatform.contract.deployment.DeploymentStatus.READY, null);
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(
                        _getCellComponent(view.versions, 0, "deployment")
                                .getElement()
                                .getTextRecursively())
                .isEqualTo("READY");
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }
}
