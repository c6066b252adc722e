package org.mlplatform.portal.layout;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The one confirmation a person sees before something is deleted or removed for good. */
public final class DestructiveConfirm {

    private DestructiveConfirm() {}

    /**
     * Opens a confirm dialog with a red confirm button; {@code action} runs only on confirm.
     *
     * @param verb the confirm button's word, such as {@code Delete} or {@code Remove}
     */
    public static ConfirmDialog open(String header, String text, String verb, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText(verb);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> action.run());
        confirm.open();
        return confirm;
    }
}
