package org.mlplatform.portal.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.Map;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.portal.layout.FormActions;

/** Slug, name and first owner of a new tenant; fires {@link SaveEvent} with a valid request. */
class CreateTenantForm extends FormLayout {

    final TextField slug = new TextField("Slug");
    final TextField name = new TextField("Name");
    final TextField owner = new TextField("Owner username");
    final Button save = new Button("Create");
    final Button cancel = new Button("Cancel");

    private final Binder<Draft> binder = new Binder<>();

    CreateTenantForm() {
        slug.setId("tenant-slug");
        name.setId("tenant-name");
        owner.setId("tenant-owner");
        save.setId("tenant-create");
        slug.setHelperText("3-40 lowercase letters, digits or hyphens; used in URLs");
        owner.setHelperText("Someone who has signed in once; becomes the first OWNER");
        bind();
        add(slug, name, owner, buttons());
    }

    private void bind() {
        binder.forField(slug)
                .asRequired("Enter a slug")
                .withValidator(
                        new RegexpValidator(
                                "3-40 lowercase letters, digits or single hyphens, starting"
                                        + " with a letter",
                                Slugs.PATTERN))
                .bind(d -> d.slug, (d, v) -> d.slug = v);
        binder.forField(name)
                .asRequired("Enter a name")
                .withValidator(new StringLengthValidator("At most 200 characters", 1, 200))
                .bind(d -> d.name, (d, v) -> d.name = v.trim());
        binder.forField(owner)
                .asRequired("Enter the owner's username")
                .withValidator(new StringLengthValidator("At most 255 characters", 1, 255))
                .bind(d -> d.owner, (d, v) -> d.owner = v.trim());
    }

    private HorizontalLayout buttons() {
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        return FormActions.row(this, save, cancel);
    }

    private void validateAndSave() {
        Draft draft = new Draft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(
                    new SaveEvent(
                            this, new CreateTenantRequest(draft.slug, draft.name, draft.owner)));
        }
    }

    /**
     * Shows platform-api's field errors on the fields they name.
     *
     * @return the errors that match no field, for a notification
     */
    Map<String, String> showFieldErrors(Map<String, String> errors) {
        Map<String, TextField> fields = Map.of("slug", slug, "name", name, "ownerUsername", owner);
        Map<String, String> unmatched = new HashMap<>();
        errors.forEach(
                (field, message) -> {
                    TextField target = fields.get(field);
                    if (target == null) {
                        unmatched.put(field, message);
                    } else {
                        target.setErrorMessage(message);
                        target.setInvalid(true);
                    }
                });
        return unmatched;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    private static final class Draft {
        String slug;
        String name;
        String owner;
    }

    static final class SaveEvent extends ComponentEvent<CreateTenantForm> {
        private final CreateTenantRequest request;

        SaveEvent(CreateTenantForm source, CreateTenantRequest request) {
            super(source, false);
            this.request = request;
        }

        CreateTenantRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<CreateTenantForm> {
        CancelEvent(CreateTenantForm source) {
            super(source, false);
        }
    }
}
