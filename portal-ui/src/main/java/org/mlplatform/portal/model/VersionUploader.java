package org.mlplatform.portal.model;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.util.function.Consumer;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.portal.api.StreamingUpload;
import org.mlplatform.portal.api.Uploads;
import org.mlplatform.portal.layout.Notifications;

/**
 * Uploads a new version: the format, then the file, which streams through the portal to
 * platform-api while the browser shows its progress.
 */
class VersionUploader extends HorizontalLayout {

    final Select<ModelFormat> format = new Select<>();
    final Upload upload = new Upload();

    VersionUploader(
            Uploads uploads, String tenant, String model, Consumer<ModelVersionResponse> done) {
        format.setId("version-format");
        format.setLabel("Format");
        format.setItems(ModelFormat.values());
        format.setItemLabelGenerator(VersionUploader::label);
        format.setValue(ModelFormat.ONNX);
        upload.setId("version-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Integer.MAX_VALUE); // platform-api enforces the real limits
        upload.setAcceptedFileTypes(".onnx", ".pt", ".zip");
        upload.setDropLabel(new Span("Drop a model file (.onnx, .pt or DJL .zip)"));
        StreamingUpload<ModelVersionResponse> receiver =
                uploads.modelVersion(tenant, model, format::getValue);
        receiver.attach(
                upload,
                version -> {
                    upload.clearFileList();
                    Notifications.success(
                            "Version " + version.version() + " was uploaded and is validating");
                    done.accept(version);
                },
                failure -> Notifications.error(failure.getMessage()));
        setDefaultVerticalComponentAlignment(Alignment.START);
        add(format, upload);
    }

    private static String label(ModelFormat format) {
        return switch (format) {
            case ONNX -> "ONNX (.onnx)";
            case TORCHSCRIPT -> "TorchScript (.pt)";
            case DJL -> "DJL archive (.zip)";
        };
    }
}
