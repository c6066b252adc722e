package org.mlplatform.portal.layout;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import java.util.function.Function;

/** Shows platform-api's refusal of a form (a problem's field errors) on the fields it names. */
public final class FieldErrors {

    private FieldErrors() {}

    /**
     * Marks each named field invalid with its message.
     *
     * @param fieldFor the form's field for a request field's name; null for one it does not show
     * @return whether a field shows an error (else the caller shows the message elsewhere)
     */
    public static boolean show(
            Map<String, String> errors, Function<String, HasValidation> fieldFor) {
        boolean shown = false;
        for (Map.Entry<String, String> error : errors.entrySet()) {
            HasValidation field = fieldFor.apply(error.getKey());
            if (field != null) {
                field.setErrorMessage(error.getValue());
                field.setInvalid(true);
                shown = true;
            }
        }
        return shown;
    }
}
