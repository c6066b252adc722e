package org.mlplatform.portal.model;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class ModelsViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void someModels() {
        platform.models.model("acme", "iris", "Flowers", ModelTask.TABULAR_CLASSIFICATION);
        platform.models.version("acme", "iris", ModelVersionStatus.READY, null, null);
        platform.models.version("acme", "iris", ModelVersionStatus.VALIDATING, null, null);
        platform.models.model("acme", "mnist", null, ModelTask.IMAGE_CLASSIFICATION);
        platform.models.model("beta", "prices", null, ModelTask.TABULAR_REGRESSION);
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private ModelsView open(String tenant) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/models");
        return _get(ModelsView.class);
    }

    @Test
    void shouldListTheTenantsModelsOnly() {
        ModelsView view = open("acme");

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(((RouterLink) _getCellComponent(view.grid, 0, "name")).getText())
                .isEqualTo("iris");
        assertThat(((RouterLink) _getCellComponent(view.grid, 0, "name")).getHref())
                .isEqualTo("t/acme/models/iris");
        assertThat(_getFormatted(view.grid, 0, "task")).isEqualTo("Tabular classification");
        assertThat(_getFormatted(view.grid, 0, "latest")).isEqualTo("v2");
        assertThat(_getFormatted(view.grid, 0, "versions")).isEqualTo("2");
        assertThat(_getFormatted(view.grid, 1, "latest")).isEqualTo("–");
    }

    @Test
    void shouldSearchByName() {
        ModelsView view = open("acme");

        _setValue(view.search, "mni");

        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void shouldCreateAModelThroughTheForm() {
        ModelsView view = open("acme");

        _click(_get(Button.class, spec -> spec.withId("create-model")));
        CreateModelForm form = _get(CreateModelForm.class);
        _setValue(form.name, "churn");
        _setValue(form.task, ModelTask.TABULAR_CLASSIFICATION);
        _setValue(form.description, "  Who leaves  ");
        _click(_get(Button.class, spec -> spec.withId("model-create")));

        assertThat(platform.writes)
                .containsExactly(
                        new CreateModelRequest(
                                "churn", "Who leaves", ModelTask.TABULAR_CLASSIFICATION));
        assertThat(_size(view.grid)).isEqualTo(3);
        _assertNone(Dialog.class);
    }

    @Test
    void shouldRefuseAnInvalidNameWithoutCallingTheApi() {
        open("acme");

        _click(_get(Button.class, spec -> spec.withId("create-model")));
        CreateModelForm form = _get(CreateModelForm.class);
        _setValue(form.name, "Bad Name");
        _setValue(form.task, ModelTask.OTHER);
        _click(form.save);

        assertThat(form.name.isInvalid()).isTrue();
        assertThat(platform.writes).isEmpty();
    }

    @Test
    void shouldShowATakenNameOnTheNameField() {
        open("acme");
        platform.failNextWrite(409, "A model named iris exists already.", Map.of());

        _click(_get(Button.class, spec -> spec.withId("create-model")));
        CreateModelForm form = _get(CreateModelForm.class);
        _setValue(form.name, "iris");
        _setValue(form.task, ModelTask.OTHER);
        _click(form.save);

        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("A model named iris exists already.");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
    }

    @Test
    void shouldShowNoWriteButtonsToViewers() {
        ModelsView view = open("beta");

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(_find(view, Button.class)).isEmpty();
    }
}
