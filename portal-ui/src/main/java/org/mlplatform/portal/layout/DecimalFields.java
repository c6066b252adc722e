package org.mlplatform.portal.layout;

import com.vaadin.flow.component.textfield.NumberField;

/** Decimal number fields that send what was typed. */
public final class DecimalFields {

    /** Digits, a sign and a decimal point: no exponent. */
    static final String PLAIN_DECIMAL = "[-+\\d.]";

    private DecimalFields() {}

    /**
     * A number field that takes plain decimals only. Vaadin's NumberField reads its text with a
     * DecimalFormat, which stops at an exponent: "1e-3" typed in became 1, silently (a learning
     * rate of 1, a feature value of 1). Without the "e" a person types 0.001 and sends what they
     * see.
     */
    public static NumberField of(String label) {
        NumberField field = new NumberField(label);
        field.setAllowedCharPattern(PLAIN_DECIMAL);
        return field;
    }
}
