package org.mlplatform.portal.usage;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.FakeUsage;
import org.mlplatform.portal.PortalUi;
import org.mlplatform.portal.layout.LineChart;

class UsageViewTest {

    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private UsageView open() {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/usage");
        return _get(UsageView.class);
    }

    @Test
    void shouldDrawRequestsAndLatencyOfEverySeriesWithTotals() {
        platform.usage.series =
                List.of(
                        FakeUsage.series(
                                "k1",
                                "backend (mlp_1)",
                                List.of(
                                        FakeUsage.point(T, 10, 2, 1.5),
                                        FakeUsage.point(T.plusSeconds(3600), 20, 0, 2.5))),
                        FakeUsage.series(
                                "k2", "ci (mlp_2)", List.of(FakeUsage.point(T, 5, 0, 4.0))));
        UsageView view = open();
        UsageCharts charts = view.panel.charts;

        assertThat(charts.requests.getSeries())
                .extracting(LineChart.Series::name)
                .containsExactly("backend (mlp_1)", "ci (mlp_2)");
        assertThat(charts.requests.getSeries().get(0).points())
                .filteredOn(p -> p.y() != 0)
                .containsExactly(
                        new LineChart.Point(T.toEpochMilli(), 10),
                        new LineChart.Point(T.plusSeconds(3600).toEpochMilli(), 20));
        assertThat(charts.latency.getSeries().get(1).points())
                .containsExactly(new LineChart.Point(T.toEpochMilli(), 4.0));
        assertThat(charts.requests.getElement().getProperty("timeAxis", false)).isTrue();
        assertThat(_size(charts.totals)).isEqualTo(2);
        assertThat(_getFormatted(charts.totals, 0, "requests")).isEqualTo("30");
        assertThat(_getFormatted(charts.totals, 0, "rateLimited")).isEqualTo("2");
        assertThat(_getFormatted(charts.totals, 0, "succeeded")).isEqualTo("28");
    }

    @Test
    void shouldDrawNoRequestsInTheIntervalsTheApiLeavesOut() {
        UsageCharts charts = open().panel.charts;
        long hour = Duration.ofHours(1).toMillis();

        charts.show(
                new UsageResponse(
                        T.plusSeconds(600),
                        T.plusSeconds(4 * 3600),
                        UsageGranularity.HOUR,
                        null,
                        List.of(
                                FakeUsage.series(
                                        "all",
                                        null,
                                        List.of(
                                                FakeUsage.point(T, 10, 0, 1.5),
                                                FakeUsage.point(
                                                        T.plusSeconds(3 * 3600), 4, 0, 3.0))))));

        long t = T.toEpochMilli();
        assertThat(charts.requests.getSeries().get(0).points())
                .containsExactly(
                        new LineChart.Point(t, 10),
                        new LineChart.Point(t + hour, 0),
                        new LineChart.Point(t + 2 * hour, 0),
                        new LineChart.Point(t + 3 * hour, 4));
        assertThat(charts.latency.getSeries().get(0).points())
                .containsExactly(
                        new LineChart.Point(t, 1.5), new LineChart.Point(t + 3 * hour, 3.0));
        for (LineChart chart : List.of(charts.requests, charts.latency)) {
            assertThat(chart.getElement().getProperty("xMin", 0.0)).isEqualTo(t);
            assertThat(chart.getElement().getProperty("xMax", 0.0)).isEqualTo(t + 3 * hour);
        }
    }

    @Test
    void shouldAskForTheLast24HoursByHourFirst() {
        open();

        FakeUsage.Query query = platform.usage.queries.get(0);
        assertThat(query.admin()).isFalse();
        assertThat(query.tenant()).isEqualTo("acme");
        assertThat(query.granularity()).isEqualTo(UsageGranularity.HOUR);
        assertThat(query.groupBy()).isNull();
        assertThat(Duration.between(query.from(), query.to())).isEqualTo(Duration.ofHours(24));
        assertThat(query.to()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(3601));
    }

    @Test
    void shouldAskAgainForTheChosenRangeAndGrouping() {
        UsageView view = open();

        _setValue(view.panel.range, UsageRange.LAST_30_DAYS);
        _setValue(view.panel.groupBy, UsagePanel.label(UsageGroupBy.MODEL));

        FakeUsage.Query query = platform.usage.queries.get(platform.usage.queries.size() - 1);
        assertThat(query.granularity()).isEqualTo(UsageGranularity.DAY);
        assertThat(query.groupBy()).isEqualTo(UsageGroupBy.MODEL);
        assertThat(Duration.between(query.from(), query.to())).isEqualTo(Duration.ofDays(30));
        assertThat(view.panel.groupBy.getListDataView().getItems())
                .containsExactly(UsagePanel.ALL, "API key", "Model");

        _setValue(view.panel.range, UsageRange.LAST_HOUR);
        assertThat(platform.usage.queries.get(platform.usage.queries.size() - 1).granularity())
                .isEqualTo(UsageGranularity.MINUTE);
    }

    @Test
    void shouldShowTheInferenceQuotaAsGauges() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(50L, 10),
                        new QuotaLimit(null, 1234)));
        UsageView view = open();

        assertThat(_get(view, Div.class, spec -> spec.withId("quota-rps")).getText())
                .isEqualTo("Requests per second (last full second): 10 of 50");
        ProgressBar bar = _get(view, ProgressBar.class, spec -> spec.withId("quota-rps-bar"));
        assertThat(bar.getValue() / bar.getMax()).isEqualTo(0.2);
        assertThat(_get(view, Div.class, spec -> spec.withId("quota-monthly")).getText())
                .isEqualTo("Inference requests this month (UTC): 1,234 (no limit)");
    }

    @Test
    void shouldAlignTheWindowToTheGranularity() {
        Instant now = Instant.parse("2025-03-01T10:17:42Z");

        assertThat(UsageRange.LAST_HOUR.to(now)).isEqualTo(Instant.parse("2025-03-01T10:18:00Z"));
        assertThat(UsageRange.LAST_HOUR.from(now)).isEqualTo(Instant.parse("2025-03-01T09:18:00Z"));
        assertThat(UsageRange.LAST_30_DAYS.to(now))
                .isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
    }
}
