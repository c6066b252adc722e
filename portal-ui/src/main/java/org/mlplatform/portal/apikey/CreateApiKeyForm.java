package org.mlplatform.portal.apikey;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.RateLimit;
import org.mlplatform.portal.layout.DecimalField;
import org.mlplatform.portal.layout.FieldErrors;
import org.mlplatform.portal.layout.FormActions;

/**
 * A new API key: name, scopes, the models it may call, when it expires (at most a year ahead) and
 * its limits. Fires {@link SaveEvent} with a valid request and never calls the platform itself.
 */
class CreateApiKeyForm extends FormLayout {

    /** What a new key expires after unless the user picks another day. */
    static final int DEFAULT_DAYS = 90;

    static final int MAX_DAYS = 365;

    private static final String MAX_MESSAGE = "At most a year from today";
    private static final String MIN_MESSAGE = "A day after today";

    final TextField name = new TextField("Name");
    final CheckboxGroup<ApiKeyScope> scopes = new CheckboxGroup<>("Scopes");
    final MultiSelectComboBox<String> models = new MultiSelectComboBox<>("Models");
    final DatePicker expiresOn = new DatePicker("Expires on (UTC)");
    final DecimalField requestsPerSecond = new DecimalField("Requests per second");
    final IntegerField burst = new IntegerField("Burst");
    final IntegerField monthlyLimit = new IntegerField("Requests per month");
    final Button save = new Button("Create key");
    final Button cancel = new Button("Cancel");

    private final BeanValidationBinder<ApiKeyDraft> binder =
            new BeanValidationBinder<>(ApiKeyDraft.class);
    private final LocalDate today;

    /**
     * @param modelNames the tenant's models, for the allow-list
     * @param today the current day in UTC, from which the expiry is counted
     */
    CreateApiKeyForm(List<String> modelNames, LocalDate today) {
        this.today = today;
        name.setId("key-name");
        scopes.setId("key-scopes");
        models.setId("key-models");
        expiresOn.setId("key-expires");
        requestsPerSecond.setId("key-rps");
        burst.setId("key-burst");
        monthlyLimit.setId("key-monthly");
        save.setId("key-create");
        scopes.setItems(ApiKeyScope.values());
        scopes.setItemLabelGenerator(ApiKeyScope::wireName);
        models.setItems(modelNames);
        models.setPlaceholder("All models");
        models.setHelperText("Empty: every model of the tenant");
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setMax(today.plusDays(MAX_DAYS));
        expiresOn.setHelperText("At most a year from today");
        expiresOn.setI18n(
                new DatePicker.DatePickerI18n()
                        // Written as every other date of the portal, not in the browser's locale.
                        .setDateFormat("yyyy-MM-dd")
                        .setMaxErrorMessage(MAX_MESSAGE)
                        .setMinErrorMessage(MIN_MESSAGE)
                        .setBadInputErrorMessage("Enter a date as YYYY-MM-DD"));
        requestsPerSecond.setPlaceholder("Tenant limit only");
        requestsPerSecond.setHelperText("The key's own rate limit; empty: none");
        burst.setPlaceholder("Same as the rate");
        burst.setHelperText("Requests allowed at once above the rate");
        monthlyLimit.setPlaceholder("No limit");
        monthlyLimit.setHelperText("Calls per calendar month (UTC)");
        bind();
        ApiKeyDraft draft = new ApiKeyDraft();
        draft.setScopes(Set.of(ApiKeyScope.INFERENCE_INVOKE));
        draft.setExpiresOn(today.plusDays(DEFAULT_DAYS));
        binder.readBean(draft);
        add(name, scopes, models, expiresOn, requestsPerSecond, burst, monthlyLimit, buttons());
        setColspan(models, 2);
    }

    private void bind() {
        binder.forField(name).bind("name");
        binder.forField(scopes).bind("scopes");
        binder.forField(models).bind("models");
        binder.forField(expiresOn)
                .withValidator(d -> d == null || !d.isAfter(today.plusDays(MAX_DAYS)), MAX_MESSAGE)
                .withValidator(d -> d == null || d.isAfter(today), MIN_MESSAGE)
                .bind("expiresOn");
        binder.forField(requestsPerSecond).bind("requestsPerSecond");
        binder.forField(burst)
                .withValidator(
                        b -> b == null || requestsPerSecond.getValue() != null,
                        "Set the requests per second first")
                .bind("burst");
        binder.forField(monthlyLimit).bind("monthlyRequestLimit");
    }

    private HorizontalLayout buttons() {
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        return FormActions.row(this, save, cancel);
    }

    private void validateAndSave() {
        ApiKeyDraft draft = new ApiKeyDraft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SaveEvent(this, request(draft)));
        }
    }

    /** The key expires at the start of the chosen day (UTC), so a year never becomes more. */
    private static CreateApiKeyRequest request(ApiKeyDraft draft) {
        RateLimit rate =
                draft.getRequestsPerSecond() == null
                        ? null
                        : new RateLimit(draft.getRequestsPerSecond(), draft.getBurst());
        return new CreateApiKeyRequest(
                draft.getName().trim(),
                draft.getScopes().stream().sorted().toList(),
                draft.getModels().isEmpty() ? null : draft.getModels().stream().sorted().toList(),
                draft.getExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                rate,
                draft.getMonthlyRequestLimit() == null
                        ? null
                        : draft.getMonthlyRequestLimit().longValue());
    }

    /**
     * Shows platform-api's refusal on the fields it names.
     *
     * @return whether a field shows it
     */
    boolean showFieldErrors(Map<String, String> fields) {
        return FieldErrors.show(
                fields,
                field ->
                        switch (field) {
                            case "name" -> name;
                            case "scopes" -> scopes;
                            case "models" -> models;
                            case "expiresAt" -> expiresOn;
                            case "requestsPerSecond", "rateLimit" -> requestsPerSecond;
                            case "burst" -> burst;
                            case "monthlyRequestLimit" -> monthlyLimit;
                            default -> null;
                        });
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<CreateApiKeyForm> {
        private final CreateApiKeyRequest request;

        SaveEvent(CreateApiKeyForm source, CreateApiKeyRequest request) {
            super(source, false);
            this.request = request;
        }

        CreateApiKeyRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<CreateApiKeyForm> {
        CancelEvent(CreateApiKeyForm source) {
            super(source, false);
        }
    }
}
