package org.mlplatform.portal.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;
import org.mlplatform.portal.layout.FormActions;
import org.mlplatform.portal.layout.Formats;

/**
 * A tenant's limits: storage in MB or GB, models, datasets, concurrent training jobs, training
 * hours per month (sent as seconds), inference requests per second and per month; empty means
 * unlimited. Shows the current use next to each field and fires {@link SaveEvent}.
 */
class QuotaForm extends FormLayout {

    /** Storage units; powers of 1024, like the sizes the portal shows. */
    enum Unit {
        MB(1L << 20),
        GB(1L << 30);

        final long bytes;

        Unit(long bytes) {
            this.bytes = bytes;
        }
    }

    final BigDecimalField storage = new BigDecimalField("Max storage");
    final Select<Unit> unit = new Select<>();
    final IntegerField models = new IntegerField("Max models");
    final IntegerField datasets = new IntegerField("Max datasets");
    final IntegerField concurrentJobs = new IntegerField("Max concurrent training jobs");
    final BigDecimalField trainingHours = new BigDecimalField("Training hours per month");
    final IntegerField requestsPerSecond = new IntegerField("Max inference requests per second");
    final BigDecimalField inferenceRequests = new BigDecimalField("Inference requests per month");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private Long trainingSeconds;
    private BigDecimal shownHours;

    QuotaForm(QuotaResponse current) {
        storage.setId("quota-storage");
        unit.setId("quota-storage-unit");
        models.setId("quota-models");
        datasets.setId("quota-datasets");
        concurrentJobs.setId("quota-concurrent-jobs");
        trainingHours.setId("quota-training-hours");
        requestsPerSecond.setId("quota-requests-per-second");
        inferenceRequests.setId("quota-inference-requests");
        save.setId("quota-save");
        unit.setLabel("Unit");
        unit.setItems(Unit.values());
        storage.setHelperText("Uses " + Formats.bytes(current.storageBytes().used()));
        models.setHelperText("Uses " + current.models().used());
        datasets.setHelperText("Uses " + current.datasets().used());
        concurrentJobs.setHelperText(
                "Runs " + current.concurrentJobs().used() + "; more wait in the queue");
        trainingHours.setHelperText(
                "Used "
                        + Formats.number(current.trainingSeconds().used() / 3600.0)
                        + " h this month (UTC)");
        requestsPerSecond.setHelperText(
                "Used "
                        + current.requestsPerSecond().used()
                        + " in the last full second, over all keys");
        inferenceRequests.setHelperText(
                "Used " + current.inferenceRequests().used() + " this month (UTC)");
        inferenceRequests.setPlaceholder("No limit");
        inferenceRequests.setClearButtonVisible(true);
        for (var field : new IntegerField[] {models, datasets, concurrentJobs, requestsPerSecond}) {
            field.setMin(0);
            field.setPlaceholder("No limit");
            field.setClearButtonVisible(true);
        }
        for (var field : new BigDecimalField[] {storage, trainingHours}) {
            field.setPlaceholder("No limit");
            field.setClearButtonVisible(true);
        }
        show(current);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        add(storage, unit, models, datasets, concurrentJobs, trainingHours);
        add(requestsPerSecond, inferenceRequests);
        add(new Span("Empty fields mean no limit."));
        add(FormActions.row(this, save, cancel));
    }

    private void show(QuotaResponse current) {
        Long bytes = current.storageBytes().limit();
        Unit best = bytes != null && bytes > 0 && bytes % Unit.GB.bytes == 0 ? Unit.GB : Unit.MB;
        unit.setValue(bytes == null ? Unit.GB : best);
        storage.setValue(
                bytes == null
                        ? null
                        : BigDecimal.valueOf(bytes)
                                .divide(BigDecimal.valueOf(best.bytes), 3, RoundingMode.HALF_UP)
                                .stripTrailingZeros());
        models.setValue(toInt(current.models()));
        datasets.setValue(toInt(current.datasets()));
        concurrentJobs.setValue(toInt(current.concurrentJobs()));
        trainingSeconds = current.trainingSeconds().limit();
        shownHours = trainingSeconds == null ? null : hours(trainingSeconds);
        trainingHours.setValue(shownHours);
        requestsPerSecond.setValue(toInt(current.requestsPerSecond()));
        Long monthly = current.inferenceRequests().limit();
        inferenceRequests.setValue(monthly == null ? null : BigDecimal.valueOf(monthly));
    }

    /** Seconds as hours: exact when they divide, else to the millisecond-ish (6 places). */
    static BigDecimal hours(long seconds) {
        BigDecimal value = BigDecimal.valueOf(seconds);
        BigDecimal hours =
                seconds % 36 == 0
                        ? value.divide(BigDecimal.valueOf(3600))
                        : value.divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
        return hours.stripTrailingZeros();
    }

    /** The limit in seconds; the value the quota had when the shown hours are left as they were. */
    private Long trainingSecondsToSave() {
        BigDecimal value = trainingHours.getValue();
        if (value == null) {
            return null;
        }
        if (shownHours != null && value.compareTo(shownHours) == 0) {
            return trainingSeconds;
        }
        return value.multiply(BigDecimal.valueOf(3600))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static Integer toInt(QuotaLimit limit) {
        return limit.limit() == null ? null : (int) Math.min(Integer.MAX_VALUE, limit.limit());
    }

    private void validateAndSave() {
        boolean valid = true;
        BigDecimal amount = storage.getValue();
        if (storage.isInvalid() || (amount != null && amount.signum() < 0)) {
            showError("maxStorageBytes", "Enter a size of 0 or more, or nothing for no limit");
            valid = false;
        }
        BigDecimal hours = trainingHours.getValue();
        if (trainingHours.isInvalid() || (hours != null && hours.signum() < 0)) {
            showError("monthlyTrainingSeconds", "Enter 0 hours or more, or nothing for no limit");
            valid = false;
        }
        BigDecimal monthly = inferenceRequests.getValue();
        if (inferenceRequests.isInvalid()
                || (monthly != null
                        && (monthly.signum() < 0 || monthly.stripTrailingZeros().scale() > 0))) {
            showError("monthlyInferenceRequests", "Enter a whole number, or nothing for no limit");
            valid = false;
        }
        for (IntegerField field :
                new IntegerField[] {models, datasets, concurrentJobs, requestsPerSecond}) {
            if (field.isInvalid() || (field.getValue() != null && field.getValue() < 0)) {
                field.setErrorMessage("Enter 0 or more, or nothing for no limit");
                field.setInvalid(true);
                valid = false;
            }
        }
        if (valid) {
            Long bytes =
                    amount == null
                            ? null
                            : amount.multiply(BigDecimal.valueOf(unit.getValue().bytes))
                                    .setScale(0, RoundingMode.HALF_UP)
                                    .longValueExact();
            fireEvent(
                    new SaveEvent(
                            this,
                            new SetQuotaRequest(
                                    bytes,
                                    models.getValue(),
                                    datasets.getValue(),
                                    concurrentJobs.getValue(),
                                    trainingSecondsToSave(),
                                    requestsPerSecond.getValue(),
                                    monthly == null ? null : monthly.longValueExact())));
        }
    }

    /**
     * Shows platform-api's field errors on their fields.
     *
     * @return whether every error found its field
     */
    boolean showFieldErrors(Map<String, String> errors) {
        boolean allShown = true;
        for (Map.Entry<String, String> error : errors.entrySet()) {
            allShown &= showError(error.getKey(), error.getValue());
        }
        return allShown;
    }

    private boolean showError(String field, String message) {
        switch (field) {
            case "maxStorageBytes" -> {
                storage.setErrorMessage(message);
                storage.setInvalid(true);
            }
            case "maxModels" -> {
                models.setErrorMessage(message);
                models.setInvalid(true);
            }
            case "maxDatasets" -> {
                datasets.setErrorMessage(message);
                datasets.setInvalid(true);
            }
            case "maxConcurrentJobs" -> {
                concurrentJobs.setErrorMessage(message);
                concurrentJobs.setInvalid(true);
            }
            case "monthlyTrainingSeconds" -> {
                trainingHours.setErrorMessage(message);
                trainingHours.setInvalid(true);
            }
            case "maxRequestsPerSecond" -> {
                requestsPerSecond.setErrorMessage(message);
                requestsPerSecond.setInvalid(true);
            }
            case "monthlyInferenceRequests" -> {
                inferenceRequests.setErrorMessage(message);
                inferenceRequests.setInvalid(true);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<QuotaForm> {
        private final SetQuotaRequest request;

        SaveEvent(QuotaForm source, SetQuotaRequest request) {
            super(source, false);
            this.request = request;
        }

        SetQuotaRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<QuotaForm> {
        CancelEvent(QuotaForm source) {
            super(source, false);
        }
    }
}
