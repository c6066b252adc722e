package org.mlplatform.portal.apikey;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import org.mlplatform.portal.layout.FormActions;

/** Asks how long the old secret keeps working after a rotation; fires {@link RotateEvent}. */
class RotateKeyForm extends FormLayout {

    /** The grace periods on offer; the platform takes up to 30 days. */
    enum GracePeriod {
        NONE("None: the old secret stops now", Duration.ZERO),
        ONE_HOUR("1 hour", Duration.ofHours(1)),
        ONE_DAY("24 hours", Duration.ofHours(24)),
        ONE_WEEK("7 days", Duration.ofDays(7));

        final String label;
        final Duration duration;

        GracePeriod(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }
    }

    final Select<GracePeriod> grace = new Select<>();
    final Button rotate = new Button("Rotate");
    final Button cancel = new Button("Cancel");

    RotateKeyForm() {
        grace.setId("key-grace");
        grace.setLabel("Old secret keeps working for");
        grace.setItems(GracePeriod.values());
        grace.setItemLabelGenerator(g -> g.label);
        grace.setValue(GracePeriod.ONE_DAY);
        grace.setEmptySelectionAllowed(false);
        rotate.setId("key-rotate-confirm");
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rotate.addClickListener(
                e -> fireEvent(new RotateEvent(this, grace.getValue().duration.toSeconds())));
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        add(
                new Paragraph(
                        "A new secret replaces the old one; the key keeps its name, scopes and"
                                + " limits."),
                grace,
                FormActions.row(this, rotate, cancel));
    }

    Registration addRotateListener(ComponentEventListener<RotateEvent> listener) {
        return addListener(RotateEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class RotateEvent extends ComponentEvent<RotateKeyForm> {
        private final long gracePeriodSeconds;

        RotateEvent(RotateKeyForm source, long gracePeriodSeconds) {
            super(source, false);
            this.gracePeriodSeconds = gracePeriodSeconds;
        }

        long gracePeriodSeconds() {
            return gracePeriodSeconds;
        }
    }

    static final class CancelEvent extends ComponentEvent<RotateKeyForm> {
        CancelEvent(RotateKeyForm source) {
            super(source, false);
        }
    }
}
