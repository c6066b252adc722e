package org.mlplatform.portal.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The buttons that end a form. */
public final class FormActions {

    private FormActions() {}

    /**
     * The form's buttons on a row of their own under its fields, whatever the number of fields (in
     * the last cell of a two-column form they sat beside the last field).
     */
    public static HorizontalLayout row(FormLayout form, Button... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        form.setColspan(row, 2);
        return row;
    }
}
