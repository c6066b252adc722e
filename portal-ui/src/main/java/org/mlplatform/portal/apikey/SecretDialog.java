package org.mlplatform.portal.apikey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.portal.layout.Notifications;

/**
 * Shows a new secret the one time the platform answers it, with a copy button. Closing the dialog
 * drops the secret from the page: nothing else in the portal ever holds it.
 */
class SecretDialog extends Dialog {

    static final String COPY_SCRIPT = "return navigator.clipboard.writeText($0)";

    final TextField secret = new TextField("Secret");
    final Button copy = new Button("Copy", VaadinIcon.COPY.create());
    final Button done = new Button("I have stored it");

    SecretDialog(CreatedApiKeyResponse created) {
        setHeaderTitle("API key " + created.key().name());
        setCloseOnOutsideClick(false);
        secret.setId("key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        copy.setId("key-copy");
        copy.addClickListener(e -> copyToClipboard());
        Paragraph warning =
                new Paragraph(
                        "Copy the key now and store it safely. It cannot be shown again: the"
                                + " platform keeps only a hash of it. Send it as"
                                + " \"Authorization: Bearer <key>\".");
        warning.setId("key-warning");
        warning.addClassName("failure-reason");
        HorizontalLayout row = new HorizontalLayout(secret, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(warning, row);
        done.setId("key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickListener(e -> close());
        getFooter().add(done);
        addOpenedChangeListener(
                e -> {
                    if (!e.isOpened()) {
                        secret.clear();
                        removeFromParent();
                    }
                });
    }

    private void copyToClipboard() {
        getUI().orElseThrow()
                .getPage()
                .executeJs(COPY_SCRIPT, secret.getValue())
                .then(
                        ok -> Notifications.success("Copied to the clipboard"),
                        error ->
                                Notifications.error(
                                        "The browser refused to copy; select the key and copy it by hand."));
    }
}
