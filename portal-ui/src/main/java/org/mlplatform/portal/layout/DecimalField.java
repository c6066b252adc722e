package org.mlplatform.portal.layout;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.shared.HasAllowedCharPattern;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.NumberField;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal number field that reads what a person types, exponents included: {@code 3e-4} is
 * 0.0003. Vaadin's NumberField parses its text with a DecimalFormat, which stops at an exponent
 * ("1e-3" became 1, silently); this field parses the whole text as a decimal or not at all, in the
 * same {@code vaadin-number-field} element. A value is shown back as a plain decimal while that
 * stays short ({@code 0.0003}), in exponent form beyond ({@code 1e-9}).
 */
@Tag("vaadin-number-field")
public class DecimalField extends AbstractNumberField<DecimalField, Double>
        implements HasAllowedCharPattern {

    /** Digits, a sign, a decimal point and an exponent. */
    static final String DECIMAL_CHARS = "[-+\\d.eE]";

    /** A decimal as people write it: no hexadecimal, "NaN", "Infinity" or Java's suffixes. */
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    public DecimalField(String label) {
        super(
                DecimalField::parse,
                DecimalField::format,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        setLabel(label);
        setAllowedCharPattern(DECIMAL_CHARS);
        setI18n(
                new NumberField.NumberFieldI18n()
                        .setBadInputErrorMessage("Enter a number, such as 0.01 or 1e-3"));
    }

    /**
     * The number a text names, or a {@link NumberFormatException} for anything else (the field then
     * shows it as bad input and holds no value).
     */
    static Double parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new NumberFormatException("Not a decimal number: " + trimmed);
        }
        double value = Double.parseDouble(trimmed);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("Out of range: " + trimmed);
        }
        return value;
    }

    /** Plain digits between 1e-6 and 1e15, otherwise the shortest exponent form. */
    static String format(Double value) {
        if (value == null) {
            return "";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value).replace(".0E", "E").replace('E', 'e');
    }
}
