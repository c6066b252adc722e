package org.mlplatform.portal.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class DashboardViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private DashboardView open(String tenant) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/dashboard");
        return _get(DashboardView.class);
    }

    @Test
    void shouldShowTenantRoleMembersAndLatestChangesToOwners() {
        platform.audit.add(
                new AuditEventResponse(
                        1,
                        FakePlatform.T0,
                        "alice",
                        "acme",
                        "member.added",
                        "member",
                        "bob",
                        Map.of("role", "MEMBER")));

        DashboardView view = open("acme");

        assertThat(_find(view, Card.class))
                .extracting(Card::getTitleAsText)
                .containsExactly(
                        "Tenant",
                        "Your role",
                        "Members",
                        "Storage",
                        "Training",
                        "Inference",
                        "Latest changes");
        Card members =
                _find(view, Card.class).stream()
                        .filter(card -> "Members".equals(card.getTitleAsText()))
                        .findFirst()
                        .orElseThrow();
        assertThat(members.getElement().getTextRecursively()).isEqualTo("2");
        assertThat(view.getElement().getTextRecursively()).contains("OWNER");
    }

    @Test
    void shouldHideTheAuditTrailFromViewers() {
        DashboardView view = open("beta");

        assertThat(_find(view, Card.class))
                .extracting(Card::getTitleAsText)
                .containsExactly(
                        "Tenant", "Your role", "Members", "Storage", "Training", "Inference");
    }

    @Test
    void shouldShowStorageAndCountsAgainstTheQuota() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(10L << 30, 5L << 29),
                        new QuotaLimit(10L, 3),
                        new QuotaLimit(null, 4),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));

        DashboardView view = open("acme");

        assertThat(_get(view, Div.class, spec -> spec.withId("storage-used")).getText())
                .isEqualTo("2.5 GB of 10.0 GB used");
        ProgressBar bar = _get(view, ProgressBar.class, spec -> spec.withId("storage-bar"));
        assertThat(bar.getValue() / bar.getMax()).isEqualTo(0.25);
        assertThat(_get(view, Div.class, spec -> spec.withId("models-used")).getText())
                .isEqualTo("Models: 3 of 10");
        assertThat(_get(view, Div.class, spec -> spec.withId("datasets-used")).getText())
                .isEqualTo("Datasets: 4 (no limit)");
    }

    @Test
    void shouldShowRunningJobsAndTrainingTimeAgainstTheQuota() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(2L, 1),
                        new QuotaLimit(36_000L, 9_000),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));

        DashboardView view = open("acme");

        assertThat(_get(view, Div.class, spec -> spec.withId("training-running")).getText())
                .isEqualTo("Running jobs: 1 of 2");
        assertThat(_get(view, Div.class, spec -> spec.withId("training-time")).getText())
                .isEqualTo("Training time this month: 2.5 h of 10 h");
        ProgressBar bar = _get(view, ProgressBar.class, spec -> spec.withId("training-time-bar"));
        assertThat(bar.getValue() / bar.getMax()).isEqualTo(0.25);
        assertThat(_get(view, RouterLink.class, spec -> spec.withId("training-link")).getHref())
                .isEqualTo("t/acme/training");
    }

    @Test
    void shouldShowInferenceRequestsAgainstTheQuotaAndTheDeployments() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(10L, 2),
                        new QuotaLimit(1000L, 950)));
        platform.deployments.deployment(
                "acme", "iris", 1, org.mlplatform.contract.deployment.DeploymentStatus.READY, null);
        platform.deployments.deployment(
                "beta", "iris", 1, org.mlplatform.contract.deployment.DeploymentStatus.READY, null);

        DashboardView view = open("acme");

        assertThat(_get(view, Div.class, spec -> spec.withId("inference-requests")).getText())
                .isEqualTo("Requests this month: 950 of 1,000");
        ProgressBar bar =
                _get(view, ProgressBar.class, spec -> spec.withId("inference-requests-bar"));
        assertThat(bar.getValue() / bar.getMax()).isEqualTo(0.95);
        assertThat(bar.getThemeNames()).contains("error");
        assertThat(_get(view, Div.class, spec -> spec.withId("inference-deployments")).getText())
                .isEqualTo("Deployments: 1");
        assertThat(_get(view, RouterLink.class, spec -> spec.withId("usage-link")).getHref())
                .isEqualTo("t/acme/usage");
    }

    @Test
    void shouldSayNoLimitForAnUnlimitedTenant() {
        DashboardView view = open("beta");

        assertThat(_get(view, Div.class, spec -> spec.withId("storage-used")).getText())
                .isEqualTo("0 B used, no limit");
        assertThat(_find(view, ProgressBar.class)).isEmpty();
        assertThat(_get(view, Div.class, spec -> spec.withId("training-time")).getText())
                .isEqualTo("Training time this month: 0 min (no limit)");
    }

    @Test
    void shouldExplainASuspendedTenant() {
        platform.tenant("gone", "Gone Inc", TenantStatus.SUSPENDED);
        platform.signIn("alice", false, "gone", TenantRole.ADMIN);

        DashboardView view = open("gone");

        assertThat(_find(view, Card.class)).isEmpty();
        assertThat(view.getElement().getTextRecursively()).contains("Gone Inc is suspended");
    }

    @Test
    void shouldNotShowOtherPeoplesTenants() {
        platform.tenant("other", "Other", TenantStatus.ACTIVE);

        DashboardView view = open("other");

        assertThat(_find(view, Card.class)).isEmpty();
        assertThat(view.getElement().getTextRecursively()).contains("Tenant not found");
    }
}
