package org.mlplatform.portal.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis' domain, widened to round ticks (1, 2 or 5 times a power of ten).
 *
 * @param step the distance between ticks
 */
record ChartAxis(double min, double max, double step) {

    private static final int TICKS = 5;

    static ChartAxis of(double low, double high, boolean integers) {
        if (low == high) {
            double pad = integers || low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / TICKS);
        if (integers) {
            step = Math.max(1, Math.rint(step));
        }
        return new ChartAxis(
                Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step, step);
    }

    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice =
                fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
        return nice * power;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(min / step);
        long last = Math.round(max / step);
        for (long i = first; i <= last; i++) {
            // Multiplying (not adding up) keeps 0.1 steps free of 0.30000000000000004.
            ticks.add(Double.parseDouble(Formats.number(i * step)));
        }
        return ticks;
    }
}
