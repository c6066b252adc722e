package org.mlplatform.portal.deployment;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentReplicaResponse;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.UpdateModelRequest;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class DeploymentsViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();
    private DeploymentResponse ready;

    @BeforeEach
    void irisWithTwoVersionsOneDeployed() {
        platform.models.model("acme", "iris", null, ModelTask.TABULAR_CLASSIFICATION);
        platform.models.version("acme", "iris", ModelVersionStatus.READY, null, null);
        platform.models.version("acme", "iris", ModelVersionStatus.READY, null, null);
        platform.models.version("acme", "iris", ModelVersionStatus.VALIDATING, null, null);
        ready = platform.deployments.deployment("acme", "iris", 1, DeploymentStatus.READY, null);
        platform.deployments.deployment(
                "acme", "iris", 2, DeploymentStatus.FAILED, "Out of memory loading the model");
        platform.deployments.deployment("beta", "other", 1, DeploymentStatus.READY, null);
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private DeploymentsView open() {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/deployments");
        return _get(DeploymentsView.class);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private DeployForm openDeployForm() {
        _click(_get(Button.class, spec -> spec.withId("open-deploy")));
        return _get(DeployForm.class);
    }

    @Test
    void shouldListTheTenantsDeploymentsWithStatusAndWhyOneFailed() {
        DeploymentsView view = open();

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormatted(view.grid, 0, "version")).isEqualTo("v2");
        assertThat(text(_getCellComponent(view.grid, 0, "status")))
                .isEqualTo("FAILEDOut of memory loading the model");
        assertThat(text(_getCellComponent(view.grid, 1, "status"))).isEqualTo("READY");
        assertThat(
                        _get(
                                        _getCellComponent(view.grid, 1, "status"),
                                        Span.class,
                                        s -> s.withText("READY"))
                                .getClassNames())
                .contains("status-READY");
        assertThat(_getFormatted(view.grid, 1, "replicas")).isEqualTo("0 of 1 ready");
        assertThat(_getFormatted(view.grid, 1, "batching"))
                .isEqualTo("up to 8 per batch, 2 ms wait");
        assertThat(text(_getCellComponent(view.grid, 1, "default"))).isEmpty();
    }

    @Test
    void shouldDeployAReadyVersionWithTheDefaultBatchSettings() {
        DeploymentsView view = open();
        DeployForm form = openDeployForm();
        assertThat(form.maxBatchSize.getValue()).isEqualTo(8);
        assertThat(form.maxBatchDelayMs.getValue()).isEqualTo(2);
        assertThat(form.replicas.getValue()).isEqualTo(1);

        _setValue(form.model, "iris");
        assertThat(form.version.getListDataView().getItems()).containsExactly(2, 1);
        _setValue(form.version, 2);
        _setValue(form.replicas, 2);
        _click(form.deploy);

        assertThat(platform.writes)
                .containsExactly(new CreateDeploymentRequest("iris", 2, 8, 2, 2));
        _assertNone(Dialog.class);
        assertThat(_size(view.grid)).isEqualTo(3);
        assertThat(text(_getCellComponent(view.grid, 0, "status"))).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseBatchSettingsOutsideTheContractsLimits() {
        open();
        DeployForm form = openDeployForm();
        _setValue(form.model, "iris");
        _setValue(form.maxBatchSize, 1000);
        _setValue(form.replicas, 0);
        _click(form.deploy);

        assertThat(platform.writes).isEmpty();
        assertThat(form.maxBatchSize.getErrorMessage()).isEqualTo("At most 256");
        assertThat(form.replicas.getErrorMessage()).isEqualTo("At least 1");
    }

    @Test
    void shouldShowAConflictOnTheVersionReadably() {
        open();
        platform.failNextWrite(409, "iris v1 is deployed already.", Map.of());
        DeployForm form = openDeployForm();
        _setValue(form.model, "iris");
        _setValue(form.version, 1);
        _click(form.deploy);

        assertThat(form.version.isInvalid()).isTrue();
        assertThat(form.version.getErrorMessage()).isEqualTo("iris v1 is deployed already.");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
    }

    @Test
    void shouldPollWhileADeploymentIsPendingAndStopWhenItIsReady() {
        DeploymentResponse pending =
                platform.deployments.deployment("acme", "iris", 3, DeploymentStatus.PENDING, null);
        DeploymentsView view = open();
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(DeploymentsView.POLL_MILLIS);

        platform.deployments.setStatus(pending.id(), DeploymentStatus.READY, null);
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(text(_getCellComponent(view.grid, 0, "status"))).isEqualTo("READY");
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldMakeAReadyVersionTheDefault() {
        DeploymentsView view = open();
        _click(
                _get(
                        _getCellComponent(view.grid, 1, "actions"),
                        Button.class,
                        spec -> spec.withId("default-iris-1")));

        assertThat(platform.writes).containsExactly(new UpdateModelRequest(null, null, 1));
        assertThat(text(_getCellComponent(view.grid, 1, "default"))).isEqualTo("Default");
        assertThat(
                        _find(
                                _getCellComponent(view.grid, 1, "actions"),
                                Button.class,
                                spec -> spec.withId("default-iris-1")))
                .isEmpty();
        assertThat(
                        _find(
                                _getCellComponent(view.grid, 0, "actions"),
                                Button.class,
                                spec -> spec.withText("Make default")))
                .as("a FAILED deployment cannot become the default")
                .isEmpty();
    }

    @Test
    void shouldChangeBatchingAndReplicasOfAServingDeployment() {
        DeploymentsView view = open();
        EditDeploymentDialog edit = openEdit(view, 1, "edit-iris-1");
        assertThat(edit.maxBatchSize.getValue()).isEqualTo(8);
        assertThat(edit.maxBatchDelayMs.getValue()).isEqualTo(2);
        assertThat(edit.replicas.getValue()).isEqualTo(1);

        _setValue(edit.maxBatchSize, 16);
        _setValue(edit.replicas, 3);
        _click(edit.save);

        assertThat(platform.writes).containsExactly(new UpdateDeploymentRequest(16, 2, 3));
        _assertNone(Dialog.class);
        assertThat(_getFormatted(view.grid, 1, "replicas")).isEqualTo("0 of 3 ready");
        assertThat(_getFormatted(view.grid, 1, "batching"))
                .isEqualTo("up to 16 per batch, 2 ms wait");
    }

    @Test
    void shouldFollowNewReplicasUntilTheyAreReady() {
        DeploymentsView view = open();
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).as("nothing loading").isEqualTo(-1);
        EditDeploymentDialog edit = openEdit(view, 1, "edit-iris-1");
        _setValue(edit.replicas, 2);
        _click(edit.save);
        assertThat(ui.getPollInterval()).isEqualTo(DeploymentsView.POLL_MILLIS);

        platform.deployments.setReplicaStatus(
                ready.id(),
                List.of(
                        replica("w1", DeploymentStatus.READY),
                        replica("w2", DeploymentStatus.PENDING)));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(_getFormatted(view.grid, 1, "replicas")).isEqualTo("1 of 2 ready");
        assertThat(ui.getPollInterval()).isEqualTo(DeploymentsView.POLL_MILLIS);

        platform.deployments.setReplicaStatus(
                ready.id(),
                List.of(
                        replica("w1", DeploymentStatus.READY),
                        replica("w2", DeploymentStatus.READY)));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(_getFormatted(view.grid, 1, "replicas")).isEqualTo("2 of 2 ready");
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    private static DeploymentReplicaResponse replica(String worker, DeploymentStatus status) {
        return new DeploymentReplicaResponse(worker, status, null, null, FakePlatform.T0);
    }

    @Test
    void shouldRefuseChangesOutsideTheLimitsAndShowThePlatformsRefusalOnItsField() {
        DeploymentsView view = open();
        EditDeploymentDialog edit = openEdit(view, 1, "edit-iris-1");
        _setValue(edit.maxBatchDelayMs, 5000);
        _click(edit.save);

        assertThat(platform.writes).isEmpty();
        assertThat(edit.maxBatchDelayMs.getErrorMessage()).isEqualTo("At most 1000");

        _setValue(edit.maxBatchDelayMs, 5);
        platform.failNextWrite(400, "Invalid request", Map.of("replicas", "must be at most 16"));
        _click(edit.save);

        assertThat(edit.replicas.isInvalid()).isTrue();
        assertThat(edit.replicas.getErrorMessage()).isEqualTo("must be at most 16");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(_getFormatted(view.grid, 1, "batching"))
                .isEqualTo("up to 8 per batch, 2 ms wait");
    }

    private EditDeploymentDialog openEdit(DeploymentsView view, int row, String id) {
        _click(
                _get(
                        _getCellComponent(view.grid, row, "actions"),
                        Button.class,
                        spec -> spec.withId(id)));
        return _get(EditDeploymentDialog.class);
    }

    @Test
    void shouldUndeployAfterConfirmation() {
        DeploymentsView view = open();
        _click(
                _get(
                        _getCellComponent(view.grid, 1, "actions"),
                        Button.class,
                        spec -> spec.withId("undeploy-iris-1")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(platform.writes).containsExactly("undeploy " + ready.id());
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void shouldLetViewersSeeDeploymentsButNotChangeThem() {
        platform.signIn("alice", false, "acme", TenantRole.VIEWER);
        DeploymentsView view = open();

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_find(view, Button.class)).isEmpty();
        assertThat(view.grid.getColumnByKey("actions")).isNull();
    }

    @Test
    void shouldOfferNoVersionOfAModelWithoutAReadyOne() {
        platform.models.model("acme", "fresh", null, ModelTask.OTHER);
        platform.models.version("acme", "fresh", ModelVersionStatus.VALIDATING, null, null);
        open();
        DeployForm form = openDeployForm();
        _setValue(form.model, "fresh");

        assertThat(form.version.getListDataView().getItems()).isEmpty();
        assertThat(form.version.getHelperText()).isEqualTo("This model has no READY version yet");
        _click(form.deploy);
        assertThat(platform.writes).isEmpty();
        assertThat(form.version.getErrorMessage()).isEqualTo("Choose a READY version");
        assertThat(List.of(form.version.isInvalid())).containsExactly(true);
    }
}
