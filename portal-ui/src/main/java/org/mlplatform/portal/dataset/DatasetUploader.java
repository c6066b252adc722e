package org.mlplatform.portal.dataset;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.portal.api.StreamingUpload;
import org.mlplatform.portal.api.Uploads;
import org.mlplatform.portal.layout.Notifications;

/**
 * Name, format and file of a new dataset. The file streams through the portal to platform-api,
 * which checks and profiles it on the way; the upload is enabled once the name is valid.
 */
class DatasetUploader extends FormLayout {

    final TextField name = new TextField("Name");
    final Select<DatasetFormat> format = new Select<>();
    final Upload upload = new Upload();

    DatasetUploader(Uploads uploads, String tenant, Consumer<DatasetResponse> done) {
        name.setId("dataset-name");
        name.setHelperText("3-40 lowercase letters, digits or hyphens");
        name.setPattern(Slugs.PATTERN);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> upload.setEnabled(validName()));
        format.setId("dataset-format");
        format.setLabel("Format");
        format.setItems(DatasetFormat.values());
        format.setItemLabelGenerator(
                f -> f == DatasetFormat.CSV ? "CSV with a header row" : "Zip of class folders");
        format.setValue(DatasetFormat.CSV);
        format.addValueChangeListener(e -> acceptFor(e.getValue()));
        upload.setId("dataset-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Integer.MAX_VALUE); // platform-api enforces the real limits
        upload.setDropLabel(new Span("Drop the file here"));
        upload.setEnabled(false);
        acceptFor(DatasetFormat.CSV);
        StreamingUpload<DatasetResponse> receiver =
                uploads.dataset(
                        tenant, () -> validName() ? name.getValue() : null, format::getValue);
        receiver.attach(
                upload,
                dataset -> {
                    Notifications.success("Dataset " + dataset.name() + " was uploaded");
                    done.accept(dataset);
                },
                failure -> Notifications.error(failure.getMessage()));
        add(name, format, upload);
        setColspan(upload, 2);
    }

    private boolean validName() {
        return name.getValue() != null && name.getValue().matches(Slugs.PATTERN);
    }

    private void acceptFor(DatasetFormat chosen) {
        if (chosen == DatasetFormat.IMAGE_ZIP) {
            upload.setAcceptedFileTypes(".zip");
        } else {
            upload.setAcceptedFileTypes(".csv", ".zip");
        }
    }
}
