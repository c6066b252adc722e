package org.mlplatform.portal.dashboard;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.portal.layout.Formats;

/** What the tenant stores and how close it is to its limits. */
final class StorageCard {

    private StorageCard() {}

    static Card of(QuotaResponse quota) {
        Card card = new Card();
        card.setTitle("Storage");
        card.addClassName("summary-card");
        card.setId("storage-card");
        QuotaLimit storage = quota.storageBytes();
        Div value =
                line(
                        "storage-used",
                        storage.limit() == null
                                ? Formats.bytes(storage.used()) + " used, no limit"
                                : Formats.bytes(storage.used())
                                        + " of "
                                        + Formats.bytes(storage.limit())
                                        + " used");
        value.addClassName("card-value-small");
        card.add(value);
        if (storage.limit() != null) {
            card.add(bar(storage));
        }
        card.add(line("models-used", Formats.usage("Models", quota.models())));
        card.add(line("datasets-used", Formats.usage("Datasets", quota.datasets())));
        return card;
    }

    private static ProgressBar bar(QuotaLimit storage) {
        double max = Math.max(1, storage.limit());
        ProgressBar bar = new ProgressBar(0, max, Math.min(max, storage.used()));
        bar.setId("storage-bar");
        if (storage.used() >= 0.9 * max) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        return bar;
    }

    private static Div line(String id, String text) {
        Div line = new Div(text);
        line.setId(id);
        return line;
    }
}
