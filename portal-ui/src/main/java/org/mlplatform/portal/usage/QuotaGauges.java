package org.mlplatform.portal.usage;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.portal.layout.Formats;

/** The tenant's inference limits as bars with text: requests per second and this month's calls. */
final class QuotaGauges {

    private QuotaGauges() {}

    static Div of(QuotaResponse quota) {
        Div gauges = new Div();
        gauges.setId("quota-gauges");
        gauges.setWidthFull();
        gauges.add(
                gauge(
                        "quota-rps",
                        "Requests per second (last full second)",
                        quota.requestsPerSecond()));
        gauges.add(
                gauge(
                        "quota-monthly",
                        "Inference requests this month (UTC)",
                        quota.inferenceRequests()));
        return gauges;
    }

    /** {@code Requests per second: 3 of 10}, with a bar when there is a limit. */
    private static Div gauge(String id, String what, QuotaLimit limit) {
        Div gauge = new Div();
        Div text = new Div(Formats.usage(what, limit));
        text.setId(id);
        gauge.add(text);
        if (limit.limit() != null) {
            double max = Math.max(1, limit.limit());
            ProgressBar bar = new ProgressBar(0, max, Math.min(max, limit.used()));
            bar.setId(id + "-bar");
            if (limit.used() >= 0.9 * max) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            }
            gauge.add(bar);
        }
        return gauge;
    }
}
