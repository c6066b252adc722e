package org.mlplatform.portal.model;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.contract.model.VersionSource;
import org.mlplatform.portal.api.ArtifactDownloadServlet;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.StatusBadge;
import org.mlplatform.portal.training.TrainingJobView;

/** One version in detail: its signature, why it failed, and its artifact to download. */
class VersionDetails extends VerticalLayout {

    /** A row of the signature table. */
    record Tensor(String direction, String name, String dataType, String shape) {}

    final Grid<Tensor> signature = new Grid<>();
    final Paragraph failure = new Paragraph();
    final Grid<Metric> metrics = new Grid<>();

    /** A row of the metrics table. */
    record Metric(String name, String value) {}

    VersionDetails() {
        setPadding(false);
        signature.addThemeVariants(GridVariant.LUMO_COMPACT);
        signature.setAllRowsVisible(true);
        signature.addColumn(Tensor::direction).setHeader("").setKey("direction");
        signature.addColumn(Tensor::name).setHeader("Name").setKey("name");
        signature.addColumn(Tensor::dataType).setHeader("Data type").setKey("type");
        signature.addColumn(Tensor::shape).setHeader("Shape").setKey("shape");
        signature.getColumns().forEach(column -> column.setAutoWidth(true));
        metrics.addThemeVariants(GridVariant.LUMO_COMPACT);
        metrics.setAllRowsVisible(true);
        metrics.addColumn(Metric::name).setHeader("Metric").setKey("name");
        metrics.addColumn(Metric::value).setHeader("Value").setKey("value");
        failure.setId("failure-reason");
        failure.addClassName("failure-reason");
    }

    void show(String tenant, ModelVersionResponse version) {
        removeAll();
        if (version == null) {
            return;
        }
        Anchor download =
                new Anchor(
                        ArtifactDownloadServlet.path(tenant, version.model(), version.version()),
                        "Download (" + Formats.bytes(version.sizeBytes()) + ")");
        download.setId("version-download");
        download.getElement().setAttribute("router-ignore", true);
        download.getElement().setAttribute("download", true);
        HorizontalLayout header =
                new HorizontalLayout(
                        new H3("Version " + version.version()),
                        StatusBadge.of(version.status()),
                        VaadinIcon.DOWNLOAD.create(),
                        download);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        Span sha = new Span("SHA-256: " + version.sha256());
        sha.getStyle().set("overflow-wrap", "anywhere"); // 64 characters with no break in them
        add(header, sha);
        Span source = new Span("Source: ");
        source.add(source(tenant, version));
        source.setId("version-source");
        add(source);
        if (version.metrics() != null && !version.metrics().isEmpty()) {
            metrics.setItems(
                    version.metrics().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> new Metric(e.getKey(), Formats.number(e.getValue())))
                            .toList());
            add(new H3("Metrics"), metrics);
        }
        if (version.status() == ModelVersionStatus.FAILED) {
            failure.setText(
                    version.failureReason() == null
                            ? "Validation failed without a reason."
                            : version.failureReason());
            add(failure);
        } else if (version.signature() != null) {
            signature.setItems(rows(version.signature()));
            add(signature);
        } else {
            add(new Span("The signature is known once a worker has validated the version."));
        }
    }

    /** UPLOAD, or TRAINING with a link to the job that produced the version. */
    static Component source(String tenant, ModelVersionResponse version) {
        if (version.source() == VersionSource.TRAINING && version.trainingJobId() != null) {
            RouterLink link =
                    new RouterLink(
                            "TRAINING",
                            TrainingJobView.class,
                            new RouteParameters(
                                    Map.of(
                                            "tenant",
                                            tenant,
                                            "id",
                                            version.trainingJobId().toString())));
            link.addClassName("source-training");
            return link;
        }
        return new Span(version.source() == null ? "" : version.source().name());
    }

    static List<Tensor> rows(ModelSignature signature) {
        List<Tensor> rows = new ArrayList<>();
        add(rows, "Input", signature.inputs());
        add(rows, "Output", signature.outputs());
        return rows;
    }

    private static void add(List<Tensor> rows, String direction, List<TensorSpec> specs) {
        if (specs != null) {
            specs.forEach(
                    s ->
                            rows.add(
                                    new Tensor(
                                            direction,
                                            s.name(),
                                            s.dataType() == null ? "?" : s.dataType(),
                                            shape(s.shape()))));
        }
    }

    /** {@code [-1, 4]}; "?" when unknown. */
    static String shape(List<Long> shape) {
        return shape == null
                ? "?"
                : shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
