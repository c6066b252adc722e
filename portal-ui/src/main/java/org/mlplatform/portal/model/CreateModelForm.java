package org.mlplatform.portal.model;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.portal.layout.FieldErrors;
import org.mlplatform.portal.layout.FormActions;

/** Name, description and task of a new model; fires {@link SaveEvent} with a valid request. */
class CreateModelForm extends FormLayout {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Select<ModelTask> task = new Select<>();
    final Button save = new Button("Create");
    final Button cancel = new Button("Cancel");

    private final Binder<Draft> binder = new Binder<>();

    CreateModelForm() {
        name.setId("model-name");
        description.setId("model-description");
        task.setId("model-task");
        save.setId("model-create");
        name.setHelperText("3-40 lowercase letters, digits or hyphens; used in URLs and the API");
        task.setLabel("Task");
        task.setItems(ModelTask.values());
        task.setItemLabelGenerator(ModelsView::taskLabel);
        bind();
        add(name, task, description, buttons());
        setColspan(description, 2);
    }

    private void bind() {
        binder.forField(name)
                .asRequired("Enter a name")
                .withValidator(
                        new RegexpValidator(
                                "3-40 lowercase letters, digits or single hyphens, starting"
                                        + " with a letter",
                                Slugs.PATTERN))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(description)
                .withValidator(new StringLengthValidator("At most 2000 characters", 0, 2000))
                .bind(d -> d.description, (d, v) -> d.description = v);
        binder.forField(task).asRequired("Choose a task").bind(d -> d.task, (d, v) -> d.task = v);
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
            String text = draft.description == null ? "" : draft.description.trim();
            fireEvent(
                    new SaveEvent(
                            this,
                            new CreateModelRequest(
                                    draft.name, text.isEmpty() ? null : text, draft.task)));
        }
    }

    /**
     * Shows platform-api's refusal on the fields it names (a 409 names none: the name is taken).
     *
     * @return whether a field shows it
     */
    boolean showErrors(int status, String message, Map<String, String> fields) {
        if (status == 409) {
            fields = Map.of("name", message);
        }
        return FieldErrors.show(
                fields,
                field ->
                        switch (field) {
                            case "name" -> name;
                            case "description" -> description;
                            default -> null;
                        });
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    private static final class Draft {
        String name;
        String description;
        ModelTask task;
    }

    static final class SaveEvent extends ComponentEvent<CreateModelForm> {
        private final CreateModelRequest request;

        SaveEvent(CreateModelForm source, CreateModelRequest request) {
            super(source, false);
            this.request = request;
        }

        CreateModelRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<CreateModelForm> {
        CancelEvent(CreateModelForm source) {
            super(source, false);
        }
    }
}
