package org.mlplatform.portal.layout;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DecimalFieldTest {

    @Test
    void shouldLetAPersonTypeDigitsASignAPointAndAnExponent() {
        Pattern allowed =
                Pattern.compile(new DecimalField("Learning rate").getAllowedCharPattern());

        for (String c : new String[] {"0", "9", "-", "+", ".", "e", "E"}) {
            assertThat(allowed.matcher(c).matches()).as(c).isTrue();
        }
        for (String c : new String[] {",", "x", "N", "_"}) {
            assertThat(allowed.matcher(c).matches()).as(c).isFalse();
        }
    }

    @Test
    void shouldReadTheWholeTextExponentIncluded() {
        assertThat(DecimalField.parse("3e-4")).isEqualTo(0.0003);
        assertThat(DecimalField.parse("1E-3")).isEqualTo(0.001);
        assertThat(DecimalField.parse("-2.5e+2")).isEqualTo(-250.0);
        assertThat(DecimalField.parse(" 0.01 ")).isEqualTo(0.01);
        assertThat(DecimalField.parse(".5")).isEqualTo(0.5);
        assertThat(DecimalField.parse("7.")).isEqualTo(7.0);
        assertThat(DecimalField.parse("")).isNull();
    }

    @Test
    void shouldRefuseWhatIsNotADecimalInsteadOfReadingItsStart() {
        for (String text :
                new String[] {
                    "1e",
                    "1e-",
                    "e3",
                    "1.2.3",
                    "1-2",
                    "NaN",
                    "Infinity",
                    "0x1p3",
                    "1d",
                    "1f",
                    "--1",
                    "1e999"
                }) {
            assertThatThrownBy(() -> DecimalField.parse(text))
                    .as(text)
                    .isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void shouldShowAValueAsAShortDecimalAndTinyOrHugeOnesWithAnExponent() {
        assertThat(DecimalField.format(0.0003)).isEqualTo("0.0003");
        assertThat(DecimalField.format(0.001)).isEqualTo("0.001");
        assertThat(DecimalField.format(5.0)).isEqualTo("5");
        assertThat(DecimalField.format(-250.0)).isEqualTo("-250");
        assertThat(DecimalField.format(0.0)).isEqualTo("0");
        assertThat(DecimalField.format(1e-9)).isEqualTo("1e-9");
        assertThat(DecimalField.format(2.5e20)).isEqualTo("2.5e20");
        assertThat(DecimalField.format(null)).isEmpty();
        for (double v : new double[] {0.0003, 1e-9, 2.5e20, 123.456, -7e-7}) {
            assertThat(DecimalField.parse(DecimalField.format(v))).as("%s", v).isEqualTo(v);
        }
    }

    @Test
    void shouldTakeTheValueTheBrowserSendsInExponentForm() {
        DecimalField field = new DecimalField("Learning rate");

        field.getElement().setProperty("value", "3e-4");

        assertThat(field.getValue()).isEqualTo(0.0003);
    }

    @Test
    void shouldSayWhatToTypeWhenTheBrowserHoldsTextThatIsNoNumber() {
        MockVaadin.setup();
        try {
            DecimalField field = new DecimalField("Learning rate");
            UI.getCurrent().add(field);

            // What vaadin-number-field sends for "1e": no value, the text, and this event.
            field.getElement().setProperty("_inputElementValue", "1e");
            _fireDomEvent(field, "unparsable-change");

            assertThat(field.getValue()).isNull();
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo("Enter a number, such as 0.01 or 1e-3");
        } finally {
            MockVaadin.tearDown();
        }
    }
}
