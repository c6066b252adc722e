package org.mlplatform.portal.member;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.member.MemberResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/** The members of a tenant; OWNERs and ADMINs add, re-role and remove them. */
@Route(value = "t/:tenant/members", layout = MainLayout.class)
@PageTitle("Members")
public class MembersView extends TenantView {

    final Grid<MemberResponse> grid = new Grid<>();
    private String tenant;
    private TenantRole myRole;

    public MembersView(PlatformApi api) {
        super(api);
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        myRole = membership.role();
        configureGrid();
        add(toolbar(), grid);
        refresh();
    }

    private boolean canManage() {
        return myRole.atLeast(TenantRole.ADMIN);
    }

    /** Only an OWNER gives or takes the OWNER role. */
    private List<TenantRole> assignableRoles() {
        return Arrays.stream(TenantRole.values())
                .filter(r -> myRole == TenantRole.OWNER || r != TenantRole.OWNER)
                .toList();
    }

    private boolean canChange(MemberResponse member) {
        return canManage() && (myRole == TenantRole.OWNER || member.role() != TenantRole.OWNER);
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addColumn(MemberResponse::username).setHeader("Username").setKey("username");
        grid.addColumn(MemberResponse::name).setHeader("Name").setKey("name");
        grid.addColumn(MemberResponse::email).setHeader("E-mail").setKey("email");
        grid.addComponentColumn(this::roleCell).setHeader("Role").setKey("role");
        grid.addColumn(m -> Formats.date(m.addedAt())).setHeader("Added").setKey("added");
        if (canManage()) {
            grid.addComponentColumn(this::removeButton).setKey("actions").setFlexGrow(0);
        }
    }

    private Component toolbar() {
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Members"));
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canManage()) {
            Button add = new Button("Add member", VaadinIcon.PLUS.create(), e -> openAddDialog());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }
        return toolbar;
    }

    private Component roleCell(MemberResponse member) {
        if (!canChange(member)) {
            return new Span(member.role().name());
        }
        Select<TenantRole> select = new Select<>();
        select.setItems(assignableRoles());
        select.setValue(member.role());
        select.setAriaLabel("Role of " + member.username());
        select.addValueChangeListener(
                e -> {
                    if (e.getValue() != null && e.getValue() != e.getOldValue()) {
                        changeRole(member, e.getValue());
                    }
                });
        return select;
    }

    private Component removeButton(MemberResponse member) {
        Button remove = new Button("Remove", e -> confirmRemove(member));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setEnabled(canChange(member));
        return remove;
    }

    void refresh() {
        try {
            grid.setItems(api.members(tenant));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void openAddDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add member");
        AddMemberForm form = new AddMemberForm(assignableRoles());
        form.addSaveListener(e -> addMember(e.request(), form, dialog));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void addMember(AddMemberRequest request, AddMemberForm form, Dialog dialog) {
        try {
            api.addMember(tenant, request);
            dialog.close();
            Notifications.success(request.username() + " was added as " + request.role());
            refresh();
        } catch (PlatformApiException e) {
            form.showUsernameError(e.getMessage());
            Notifications.error(e.getMessage());
        }
    }

    private void changeRole(MemberResponse member, TenantRole role) {
        try {
            api.changeRole(tenant, member.username(), role);
            Notifications.success(member.username() + " is now " + role);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void confirmRemove(MemberResponse member) {
        DestructiveConfirm.open(
                "Remove " + member.username() + "?",
                member.username() + " will lose access to " + tenant + " and everything in it.",
                "Remove",
                () -> remove(member));
    }

    private void remove(MemberResponse member) {
        try {
            api.removeMember(tenant, member.username());
            Notifications.success(member.username() + " was removed");
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }
}
