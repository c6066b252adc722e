package org.mlplatform.portal.dataset;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.CsvProfile;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.dataset.ImageZipProfile;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class DatasetViewsTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void irisAndDigits() {
        Map<String, Long> species = new LinkedHashMap<>();
        species.put("setosa", 40L);
        species.put("virginica", 60L);
        species.put("versicolor", 50L);
        CsvProfile csv =
                new CsvProfile(
                        150,
                        List.of(
                                new ColumnProfile(
                                        "sepal_length",
                                        ColumnType.NUMERIC,
                                        2,
                                        4.3,
                                        7.9,
                                        5.843333,
                                        0.825301,
                                        35,
                                        false,
                                        null),
                                new ColumnProfile(
                                        "species",
                                        ColumnType.CATEGORICAL,
                                        0,
                                        null,
                                        null,
                                        null,
                                        null,
                                        3,
                                        false,
                                        species),
                                new ColumnProfile(
                                        "note",
                                        ColumnType.TEXT,
                                        7,
                                        null,
                                        null,
                                        null,
                                        null,
                                        1000,
                                        true,
                                        null)));
        platform.datasets.add(
                "acme",
                new DatasetResponse(
                        "iris", DatasetFormat.CSV, 4608, "ab", csv, null, FakePlatform.T0),
                new DatasetPreview(
                        List.of("sepal_length", "species", "note"),
                        List.of(
                                List.of("5.1", "setosa", "first"),
                                List.of("7.0", "versicolor", ""))));
        platform.datasets.add(
                "acme",
                new DatasetResponse(
                        "digits",
                        DatasetFormat.IMAGE_ZIP,
                        3 << 20,
                        "cd",
                        null,
                        new ImageZipProfile(
                                30,
                                List.of(
                                        new ImageClassCount("one", 10),
                                        new ImageClassCount("two", 20)),
                                28,
                                28,
                                20,
                                28),
                        FakePlatform.T0),
                null);
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private void open(String path) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate(path);
    }

    @Test
    void shouldListDatasetsWithRowsOrImages() {
        open("t/acme/datasets");
        DatasetsView view = _get(DatasetsView.class);

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormatted(view.grid, 0, "contents")).isEqualTo("150 rows");
        assertThat(_getFormatted(view.grid, 0, "size")).isEqualTo("4.5 KB");
        assertThat(_getFormatted(view.grid, 1, "contents")).isEqualTo("30 images");
        assertThat(_getFormatted(view.grid, 1, "format")).isEqualTo("image-zip");
    }

    @Test
    void shouldShowTheColumnProfile() {
        open("t/acme/datasets/iris");
        CsvProfilePanel panel = _get(CsvProfilePanel.class);

        assertThat(_size(panel.columns)).isEqualTo(3);
        assertThat(_getFormatted(panel.columns, 0, "type")).isEqualTo("NUMERIC");
        assertThat(_getFormatted(panel.columns, 0, "nulls")).isEqualTo("2");
        assertThat(_getFormatted(panel.columns, 0, "min")).isEqualTo("4.3");
        assertThat(_getFormatted(panel.columns, 0, "max")).isEqualTo("7.9");
        assertThat(_getFormatted(panel.columns, 0, "mean")).isEqualTo("5.843");
        assertThat(_getFormatted(panel.columns, 0, "std")).isEqualTo("0.8253");
        assertThat(_getFormatted(panel.columns, 0, "distinct")).isEqualTo("35");
        assertThat(_getFormatted(panel.columns, 1, "top"))
                .isEqualTo("virginica (60), versicolor (50), setosa (40)");
        assertThat(_getFormatted(panel.columns, 2, "distinct")).isEqualTo("1000+");
    }

    @Test
    void shouldLinkMembersToTrainingOnTheDataset() {
        open("t/acme/datasets/iris");

        assertThat(
                        _get(
                                        com.vaadin.flow.router.RouterLink.class,
                                        spec -> spec.withId("train-on-dataset"))
                                .getHref())
                .isEqualTo("t/acme/training/new?dataset=iris");
    }

    @Test
    void shouldShowThePreviewRowsUnderTheCsvHeader() {
        open("t/acme/datasets/iris");
        CsvProfilePanel panel = _get(CsvProfilePanel.class);

        assertThat(panel.preview.getColumns()).hasSize(3);
        assertThat(panel.preview.getColumnByKey("c1").getHeaderText()).isEqualTo("species");
        assertThat(_size(panel.preview)).isEqualTo(2);
        assertThat(_getFormatted(panel.preview, 1, "c0")).isEqualTo("7.0");
        assertThat(_getFormatted(panel.preview, 1, "c1")).isEqualTo("versicolor");
    }

    @Test
    void shouldShowImageClassesAsTableAndBars() {
        open("t/acme/datasets/digits");
        ImageProfilePanel panel = _get(ImageProfilePanel.class);

        assertThat(_getFormatted(panel.classes, 1, "count")).isEqualTo("20");
        assertThat(panel.bars.getChildren()).hasSize(2);
        assertThat(
                        panel.bars
                                .getElement()
                                .getChild(0)
                                .getChild(1)
                                .getChild(0)
                                .getStyle()
                                .get("width"))
                .isEqualTo("50.0%");
        assertThat(panel.sizes.getText()).isEqualTo("Width 28 px, height 20–28 px; 30 images");
    }

    @Test
    void shouldShowTheApisMessageWhenADatasetIsInUse() {
        open("t/acme/datasets");
        DatasetsView view = _get(DatasetsView.class);
        platform.failNextWrite(409, "Dataset iris is used by training job 7.", Map.of());

        _click((Button) _getCellComponent(view.grid, 0, "actions"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close();

        MockVaadin.clientRoundtrip();
        var error = NotificationsKt.getNotifications().get(0);
        assertThat(error.getElement().getProperty("text"))
                .isEqualTo("Dataset iris is used by training job 7.");
        assertThat(error.getThemeNames()).contains(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(_size(view.grid)).isEqualTo(2);
    }

    @Test
    void shouldOfferTheUploadFormToMembers() {
        open("t/acme/datasets");

        _click(_get(Button.class, spec -> spec.withId("upload-dataset")));
        DatasetUploader uploader = _get(DatasetUploader.class);

        assertThat(uploader.upload.isEnabled()).isFalse();
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(uploader.name, "churn");
        assertThat(uploader.upload.isEnabled()).isTrue();
        assertThat(_get(Upload.class).getId()).hasValue("dataset-upload");
    }

    @Test
    void shouldHideUploadAndDeleteFromViewers() {
        platform.datasets.add(
                "beta",
                new DatasetResponse("x", DatasetFormat.CSV, 1, "e", null, null, FakePlatform.T0),
                null);
        open("t/beta/datasets");
        DatasetsView view = _get(DatasetsView.class);

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(_find(view, Button.class)).isEmpty();

        UI.getCurrent().navigate("t/beta/datasets/x");
        assertThat(
                        _find(
                                com.vaadin.flow.router.RouterLink.class,
                                spec -> spec.withId("train-on-dataset")))
                .isEmpty();
    }
}
