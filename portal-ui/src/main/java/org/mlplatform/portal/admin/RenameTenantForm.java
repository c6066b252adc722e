package org.mlplatform.portal.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import org.mlplatform.portal.layout.FormActions;

/** A tenant's new display name; fires {@link RenameEvent}. */
class RenameTenantForm extends FormLayout {

    final TextField name = new TextField("Name");
    final Button save = new Button("Rename");
    final Button cancel = new Button("Cancel");

    private final Binder<String[]> binder = new Binder<>();

    RenameTenantForm(String currentName) {
        binder.forField(name)
                .asRequired("Enter a name")
                .withValidator(new StringLengthValidator("At most 200 characters", 1, 200))
                .bind(holder -> holder[0], (holder, value) -> holder[0] = value.trim());
        binder.readBean(new String[] {currentName});
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        add(name, FormActions.row(this, save, cancel));
    }

    private void validateAndSave() {
        String[] holder = new String[1];
        if (binder.writeBeanIfValid(holder)) {
            fireEvent(new RenameEvent(this, holder[0]));
        }
    }

    void showError(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
    }

    Registration addRenameListener(ComponentEventListener<RenameEvent> listener) {
        return addListener(RenameEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class RenameEvent extends ComponentEvent<RenameTenantForm> {
        private final String name;

        RenameEvent(RenameTenantForm source, String name) {
            super(source, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    static final class CancelEvent extends ComponentEvent<RenameTenantForm> {
        CancelEvent(RenameTenantForm source) {
            super(source, false);
        }
    }
}
