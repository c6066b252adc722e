package org.mlplatform.portal.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.audit.AuditEventResponse;
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
                .containsExactly("Tenant", "Your role", "Members", "Latest changes");
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
                .containsExactly("Tenant", "Your role", "Members");
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
