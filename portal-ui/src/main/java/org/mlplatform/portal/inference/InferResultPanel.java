package org.mlplatform.portal.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.inference.InferOutput;
import org.mlplatform.contract.inference.InferResponse;
import org.mlplatform.portal.layout.Formats;

/**
 * What a "Try it" call answered: the predicted label with the class probabilities as bars, or the
 * regression's prediction, and every output as JSON; or the readable reason it failed.
 */
class InferResultPanel extends VerticalLayout {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Span label = new Span();
    final Span prediction = new Span();
    final Div probabilities = new Div();
    final Pre raw = new Pre();
    final Span error = new Span();
    private List<String> classes = List.of();

    InferResultPanel() {
        setPadding(false);
        label.setId("result-label");
        prediction.setId("result-prediction");
        probabilities.setId("result-probabilities");
        probabilities.addClassName("bar-chart");
        // In this column the chart is as wide as the page allows, and only as tall as its bars.
        probabilities.setWidthFull();
        probabilities.setMaxWidth("40rem");
        probabilities.getStyle().set("flex", "none");
        raw.setId("result-raw");
        error.setId("result-error");
        error.addClassName("failure-reason");
    }

    /** The names of the classes, in the order of the probabilities; "class i" beyond them. */
    void setClasses(List<String> names) {
        classes = names == null ? List.of() : List.copyOf(names);
    }

    void showError(String message) {
        removeAll();
        error.setText(message);
        add(error);
    }

    void show(InferResponse response) {
        removeAll();
        probabilities.removeAll();
        List<InferOutput> outputs = response.outputs() == null ? List.of() : response.outputs();
        add(new H3("Result of " + response.modelName() + " v" + response.modelVersion()));
        output(outputs, "label")
                .ifPresent(
                        o -> {
                            label.setText("Label: " + first(o));
                            add(label);
                        });
        output(outputs, "prediction")
                .ifPresent(
                        o -> {
                            prediction.setText("Prediction: " + number(first(o)));
                            add(prediction);
                        });
        output(outputs, "probabilities")
                .ifPresent(
                        o -> {
                            List<Object> values = o.data() == null ? List.of() : o.data();
                            for (int i = 0; i < values.size(); i++) {
                                String name = i < classes.size() ? classes.get(i) : "class " + i;
                                probabilities.add(bar(name, values.get(i)));
                            }
                            add(probabilities);
                        });
        try {
            raw.setText(JSON.writeValueAsString(outputs));
        } catch (JsonProcessingException e) {
            raw.setText(String.valueOf(outputs));
        }
        add(raw);
    }

    private static Optional<InferOutput> output(List<InferOutput> outputs, String name) {
        return outputs.stream().filter(o -> name.equals(o.name())).findFirst();
    }

    private static Object first(InferOutput output) {
        return output.data() == null || output.data().isEmpty() ? "" : output.data().get(0);
    }

    private static String number(Object value) {
        return value instanceof Number n ? Formats.number(n.doubleValue()) : String.valueOf(value);
    }

    /** A bar of the page's bar chart style, as wide as the probability. */
    private static Div bar(String name, Object value) {
        double p = value instanceof Number n ? n.doubleValue() : 0;
        Span text = new Span(name);
        text.addClassName("bar-label");
        Div fill = new Div();
        fill.addClassName("bar-fill");
        fill.getStyle().set("width", Math.max(0, Math.min(100, 100 * p)) + "%");
        Div track = new Div(fill);
        track.addClassName("bar-track");
        Span shown = new Span(Formats.number(Math.round(p * 1000) / 10.0) + " %");
        shown.addClassName("bar-value");
        Div row = new Div(text, track, shown);
        row.addClassName("bar-row");
        return row;
    }
}
