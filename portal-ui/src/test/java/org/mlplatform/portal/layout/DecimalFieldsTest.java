package org.mlplatform.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DecimalFieldsTest {

    @Test
    void shouldTakeDigitsASignAndAPointButNoExponent() {
        Pattern allowed =
                Pattern.compile(DecimalFields.of("Learning rate").getAllowedCharPattern());

        for (String c : new String[] {"0", "9", "-", "+", "."}) {
            assertThat(allowed.matcher(c).matches()).as(c).isTrue();
        }
        for (String c : new String[] {"e", "E", ",", "x"}) {
            assertThat(allowed.matcher(c).matches()).as(c).isFalse();
        }
    }
}
