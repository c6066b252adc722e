package org.mlplatform.portal.dashboard;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.usage.UsageView;

/** This month's inference requests against the quota, and how many deployments serve. */
final class InferenceCard {

    private InferenceCard() {}

    /**
     * @param deployments the tenant's deployments, or null when they could not be read
     */
    static Card of(String tenant, QuotaResponse quota, Integer deployments) {
        Card card = new Card();
        card.setTitle("Inference");
        card.addClassName("summary-card");
        card.setId("inference-card");
        QuotaLimit month = quota.inferenceRequests();
        Div requests = line("inference-requests", Formats.usage("Requests this month", month));
        requests.addClassName("card-value-small");
        card.add(requests);
        if (month.limit() != null) {
            double max = Math.max(1, month.limit());
            ProgressBar bar = new ProgressBar(0, max, Math.min(max, month.used()));
            bar.setId("inference-requests-bar");
            if (month.used() >= 0.9 * max) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            }
            card.add(bar);
        }
        card.add(
                line(
                        "inference-deployments",
                        "Deployments: " + (deployments == null ? "unknown" : deployments)));
        RouterLink link =
                new RouterLink("Usage", UsageView.class, new RouteParameters("tenant", tenant));
        link.setId("usage-link");
        card.add(link);
        return card;
    }

    private static Div line(String id, String text) {
        Div line = new Div(text);
        line.setId(id);
        return line;
    }
}
