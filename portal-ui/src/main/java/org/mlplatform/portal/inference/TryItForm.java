package org.mlplatform.portal.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.inference.Datatypes;
import org.mlplatform.contract.inference.InferInput;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.portal.layout.DecimalField;

/**
 * The "Try it" form of one model version, built from its signature ({@link InputKind}): a field per
 * feature column, an image upload, or an Open Inference Protocol request as JSON, prefilled with
 * zeros of the signature's shapes. Fires {@link InferEvent} with a request of one row.
 *
 * <p>An image is sent as the protocol's BYTES: the encoded PNG or JPEG file as a base64 string
 * (JSON BYTES elements are strings), with the input parameter {@code content_type=base64}; the
 * worker decodes, resizes and normalises it exactly as in training, which the portal cannot know.
 */
class TryItForm extends FormLayout {

    static final int MAX_IMAGE_BYTES = 10 << 20;
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    final InputKind kind;
    final Map<String, HasValue<?, ?>> columns = new LinkedHashMap<>();
    final TextArea json = new TextArea("Request (Open Inference Protocol JSON)");
    final Upload upload = new Upload();
    final Span imageName = new Span();
    final Button send = new Button("Send");
    private final List<TensorSpec> inputs;
    private byte[] image;

    TryItForm(ModelVersionResponse version) {
        kind = InputKind.of(version);
        inputs = version.signature() == null ? List.of() : version.signature().inputs();
        send.setId("try-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> validateAndSend());
        switch (kind) {
            case TABULAR -> inputs.forEach(i -> add(column(i)));
            case IMAGE -> add(imageUpload());
            case RAW -> add(jsonEditor());
        }
        add(send);
    }

    private Component column(TensorSpec input) {
        if ("float32".equals(input.dataType())) {
            DecimalField field = new DecimalField(input.name());
            field.setId("column-" + input.name());
            field.setRequiredIndicatorVisible(true);
            columns.put(input.name(), field);
            return field;
        }
        TextField field = new TextField(input.name());
        field.setId("column-" + input.name());
        field.setHelperText("Text; an unseen category counts as \"other\"");
        columns.put(input.name(), field);
        return field;
    }

    private Component imageUpload() {
        List<Long> shape = inputs.get(0).shape();
        upload.setId("try-image");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMAGE_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setDropLabel(
                new Span(
                        "Drop a PNG or JPEG; it is resized to "
                                + shape.get(2)
                                + "×"
                                + shape.get(3)
                                + (shape.get(1) == 1 ? " grayscale" : " RGB")));
        upload.setUploadHandler(
                UploadHandler.inMemory(
                        (metadata, bytes) ->
                                upload.getUI()
                                        .ifPresent(
                                                ui ->
                                                        ui.access(
                                                                () ->
                                                                        imageReceived(
                                                                                metadata.fileName(),
                                                                                bytes)))));
        imageName.setId("try-image-name");
        return new com.vaadin.flow.component.orderedlayout.VerticalLayout(upload, imageName);
    }

    /** Keeps the uploaded file for the next send. */
    void imageReceived(String fileName, byte[] bytes) {
        image = bytes;
        imageName.setText(fileName + " (" + bytes.length + " bytes)");
    }

    private Component jsonEditor() {
        json.setId("try-json");
        json.setWidthFull();
        json.setMinHeight("12rem");
        json.setValue(zerosExample(inputs));
        json.setHelperText("One row of zeros of the signature's shapes; -1 dimensions are 1");
        return json;
    }

    /** {@code {"inputs": [{"name", "shape", "datatype", "data": [0, ...]}]}} for the signature. */
    static String zerosExample(List<TensorSpec> inputs) {
        List<InferInput> example = new ArrayList<>();
        for (TensorSpec input : inputs) {
            List<Long> shape =
                    input.shape() == null
                            ? List.of(1L)
                            : input.shape().stream().map(d -> d < 0 ? 1L : d).toList();
            long count = shape.stream().reduce(1L, (a, b) -> a * b);
            String datatype = Datatypes.fromDjl(input.dataType()).orElse("FP32");
            Object zero =
                    switch (datatype) {
                        case "BYTES" -> "";
                        case "BOOL" -> false;
                        case "FP16", "FP32", "FP64" -> 0.0;
                        default -> 0;
                    };
            example.add(
                    new InferInput(
                            input.name(),
                            shape,
                            datatype,
                            null,
                            Collections.nCopies((int) Math.min(count, 1 << 20), zero)));
        }
        try {
            return JSON.writeValueAsString(new InferRequest(null, null, example, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void validateAndSend() {
        InferRequest request =
                switch (kind) {
                    case TABULAR -> tabularRequest();
                    case IMAGE -> imageRequest();
                    case RAW -> rawRequest();
                };
        if (request != null) {
            fireEvent(new InferEvent(this, request));
        }
    }

    private InferRequest tabularRequest() {
        List<InferInput> row = new ArrayList<>();
        boolean valid = true;
        for (TensorSpec input : inputs) {
            HasValue<?, ?> field = columns.get(input.name());
            Object value = field.getValue();
            boolean numeric = "float32".equals(input.dataType());
            if (numeric && value == null) {
                ((DecimalField) field).setErrorMessage("Enter a number");
                ((DecimalField) field).setInvalid(true);
                valid = false;
                continue;
            }
            row.add(
                    new InferInput(
                            input.name(),
                            List.of(1L),
                            numeric ? "FP32" : "BYTES",
                            null,
                            List.of(numeric ? value : String.valueOf(value).trim())));
        }
        return valid ? new InferRequest(null, null, row, null) : null;
    }

    private InferRequest imageRequest() {
        if (image == null) {
            imageName.setText("Upload an image first");
            return null;
        }
        return new InferRequest(
                null,
                null,
                List.of(
                        new InferInput(
                                inputs.get(0).name(),
                                List.of(1L),
                                "BYTES",
                                Map.of("content_type", "base64"),
                                List.of(Base64.getEncoder().encodeToString(image)))),
                null);
    }

    private InferRequest rawRequest() {
        try {
            InferRequest request = JSON.readValue(json.getValue(), InferRequest.class);
            if (request.inputs() == null || request.inputs().isEmpty()) {
                throw new IllegalArgumentException("The request needs at least one input");
            }
            json.setInvalid(false);
            return request;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            json.setErrorMessage(
                    e instanceof JsonProcessingException p
                            ? "Not valid JSON: " + p.getOriginalMessage()
                            : e.getMessage());
            json.setInvalid(true);
            return null;
        }
    }

    Registration addInferListener(ComponentEventListener<InferEvent> listener) {
        return addListener(InferEvent.class, listener);
    }

    static final class InferEvent extends ComponentEvent<TryItForm> {
        private final InferRequest request;

        InferEvent(TryItForm source, InferRequest request) {
            super(source, false);
            this.request = request;
        }

        InferRequest request() {
            return request;
        }
    }
}
