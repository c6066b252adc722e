package org.mlplatform.portal.member;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.layout.FormActions;

/** Asks for a username and a role; fires {@link SaveEvent} with a valid request. */
class AddMemberForm extends FormLayout {

    final TextField username = new TextField("Username");
    final Select<TenantRole> role = new Select<>();
    final Button save = new Button("Add");
    final Button cancel = new Button("Cancel");

    private final Binder<Draft> binder = new Binder<>();

    AddMemberForm(List<TenantRole> roles) {
        configureFields(roles);
        bind();
        add(username, role, buttons());
    }

    private void configureFields(List<TenantRole> roles) {
        username.setHelperText("The user must have signed in to the platform once.");
        role.setLabel("Role");
        role.setItems(roles);
        role.setValue(roles.contains(TenantRole.MEMBER) ? TenantRole.MEMBER : roles.get(0));
    }

    private void bind() {
        binder.forField(username)
                .asRequired("Enter a username")
                .withValidator(new StringLengthValidator("At most 255 characters", 1, 255))
                .bind(d -> d.username, (d, v) -> d.username = v.trim());
        binder.forField(role).asRequired("Choose a role").bind(d -> d.role, (d, v) -> d.role = v);
    }

    private HorizontalLayout buttons() {
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> validateAndSave());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        return FormActions.row(this, save, cancel);
    }

    private void validateAndSave() {
        Draft draft = new Draft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SaveEvent(this, new AddMemberRequest(draft.username, draft.role)));
        }
    }

    /** Shows a refusal of platform-api (such as an unknown user) on the username field. */
    void showUsernameError(String message) {
        username.setErrorMessage(message);
        username.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The form's mutable state while the user types. */
    private static final class Draft {
        String username;
        TenantRole role;
    }

    static final class SaveEvent extends ComponentEvent<AddMemberForm> {
        private final AddMemberRequest request;

        SaveEvent(AddMemberForm source, AddMemberRequest request) {
            super(source, false);
            this.request = request;
        }

        AddMemberRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<AddMemberForm> {
        CancelEvent(AddMemberForm source) {
            super(source, false);
        }
    }
}
