package org.mlplatform.portal.usage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.Notifications;

/**
 * The range and grouping pickers above {@link UsageCharts}, shared by the tenant's and the admin's
 * usage pages; each page passes the call that reads its usage.
 */
public class UsagePanel extends VerticalLayout {

    /** Reads usage; the tenant's page and the admin page each pass their API call. */
    @FunctionalInterface
    public interface Source {
        UsageResponse usage(
                Instant from, Instant to, UsageGranularity granularity, UsageGroupBy groupBy);
    }

    /** "One series" in the grouping picker: a Select cannot show null as an item. */
    static final String ALL = "Everything together";

    final Select<UsageRange> range = new Select<>();
    final Select<String> groupBy = new Select<>();
    final UsageCharts charts = new UsageCharts();
    private final Source source;
    private final Clock clock;

    /**
     * @param groupings the groupings the page offers besides "everything together"
     */
    public UsagePanel(List<UsageGroupBy> groupings, Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
        setPadding(false);
        range.setId("usage-range");
        range.setLabel("Time");
        range.setItems(UsageRange.values());
        range.setItemLabelGenerator(r -> r.label);
        range.setValue(UsageRange.LAST_DAY);
        groupBy.setId("usage-group-by");
        groupBy.setLabel("One line per");
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        groupings.forEach(g -> choices.add(label(g)));
        groupBy.setItems(choices);
        groupBy.setValue(ALL);
        range.addValueChangeListener(e -> refresh());
        groupBy.addValueChangeListener(e -> refresh());
        Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("usage-refresh");
        HorizontalLayout controls = new HorizontalLayout(range, groupBy, reload);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(controls, charts);
    }

    static String label(UsageGroupBy g) {
        return switch (g) {
            case KEY -> "API key";
            case MODEL -> "Model";
            case TENANT -> "Tenant";
        };
    }

    private Optional<UsageGroupBy> grouping() {
        for (UsageGroupBy g : UsageGroupBy.values()) {
            if (label(g).equals(groupBy.getValue())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** Reads the chosen range again and redraws. */
    public void refresh() {
        UsageRange chosen = range.getValue();
        Instant now = clock.instant();
        try {
            charts.show(
                    source.usage(
                            chosen.from(now),
                            chosen.to(now),
                            chosen.granularity(),
                            grouping().orElse(null)));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
    }
}
