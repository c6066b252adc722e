package org.mlplatform.portal.member;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class MembersViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private MembersView open(String tenant) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/members");
        return _get(MembersView.class);
    }

    @Test
    void shouldListTheTenantsMembers() {
        MembersView view = open("acme");

        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormatted(view.grid, 0, "username")).isEqualTo("alice");
        assertThat(_getFormatted(view.grid, 1, "name")).isEqualTo("Bob Roe");
        assertThat(_getFormatted(view.grid, 1, "email")).isEqualTo("bob@example.com");
        assertThat(_getFormatted(view.grid, 1, "added")).isEqualTo("2025-03-01");
    }

    @Test
    void shouldAddAMemberThroughTheDialog() {
        MembersView view = open("acme");

        _click(_get(Button.class, spec -> spec.withText("Add member")));
        AddMemberForm form =
                _get(Dialog.class)
                        .getChildren()
                        .filter(AddMemberForm.class::isInstance)
                        .map(AddMemberForm.class::cast)
                        .findFirst()
                        .orElseThrow();
        _setValue(form.username, "carol");
        _setValue(form.role, TenantRole.ADMIN);
        _click(form.save);

        assertThat(platform.writes)
                .containsExactly(new AddMemberRequest("carol", TenantRole.ADMIN));
        assertThat(_size(view.grid)).isEqualTo(3);
        _assertNone(Dialog.class);
    }

    @Test
    void shouldShowTheApiMessageWhenTheLastOwnerCannotBeRemoved() {
        MembersView view = open("acme");
        platform.failNextWrite(409, "The last owner of acme cannot be removed.", Map.of());

        _click((Button) _getCellComponent(view.grid, 0, "actions"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close(); // the browser closes it on confirm

        MockVaadin.clientRoundtrip();
        Notification error = NotificationsKt.getNotifications().get(0);
        assertThat(error.getElement().getProperty("text"))
                .isEqualTo("The last owner of acme cannot be removed.");
        assertThat(error.getThemeNames()).contains(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(_size(view.grid)).isEqualTo(2);
    }

    @Test
    void shouldShowNoManagementButtonsToViewers() {
        MembersView view = open("beta");

        _assertNone(Button.class, spec -> spec.withText("Add member"));
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(_find(view, Button.class)).isEmpty();
    }
}
