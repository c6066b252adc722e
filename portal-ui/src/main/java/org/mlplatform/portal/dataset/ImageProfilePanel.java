package org.mlplatform.portal.dataset;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.dataset.ImageZipProfile;

/**
 * An image dataset: images per class as a table and as bars (plain Vaadin, no chart library, so the
 * build needs nothing from npm), and the range of image sizes.
 */
class ImageProfilePanel extends VerticalLayout {

    final Grid<ImageClassCount> classes = new Grid<>();
    final Div bars = new Div();
    final Span sizes = new Span();

    ImageProfilePanel(ImageZipProfile profile) {
        setPadding(false);
        classes.setId("dataset-classes");
        classes.addThemeVariants(GridVariant.LUMO_COMPACT);
        classes.setAllRowsVisible(true);
        classes.addColumn(ImageClassCount::name).setHeader("Class").setKey("name");
        classes.addColumn(ImageClassCount::count).setHeader("Images").setKey("count");
        classes.setItems(profile.classes());
        sizes.setId("dataset-image-sizes");
        sizes.setText(
                "Width "
                        + range(profile.minWidth(), profile.maxWidth())
                        + " px, height "
                        + range(profile.minHeight(), profile.maxHeight())
                        + " px; "
                        + profile.imageCount()
                        + " images");
        bars.setId("dataset-class-bars");
        bars.addClassName("bar-chart");
        long max = profile.classes().stream().mapToLong(ImageClassCount::count).max().orElse(1);
        profile.classes().forEach(c -> bars.add(bar(c, Math.max(1, max))));
        HorizontalLayout side = new HorizontalLayout(classes, bars);
        side.setWidthFull();
        add(new H3("Classes"), sizes, side);
    }

    private static Div bar(ImageClassCount c, long max) {
        Span label = new Span(c.name());
        label.addClassName("bar-label");
        Div fill = new Div();
        fill.addClassName("bar-fill");
        fill.getStyle().set("width", (100.0 * c.count() / max) + "%");
        Div track = new Div(fill);
        track.addClassName("bar-track");
        Span value = new Span(String.valueOf(c.count()));
        value.addClassName("bar-value");
        Div row = new Div(label, track, value);
        row.addClassName("bar-row");
        return row;
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + "–" + max;
    }
}
