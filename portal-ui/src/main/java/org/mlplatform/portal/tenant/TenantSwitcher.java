package org.mlplatform.portal.tenant;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import org.mlplatform.contract.me.TenantMembershipResponse;

/**
 * Picks the tenant to work in. Choosing one opens the same page (dashboard or members) of the other
 * tenant, so the URL always names the tenant and stays shareable.
 */
public class TenantSwitcher extends Composite<Select<TenantMembershipResponse>> implements HasSize {

    private final List<TenantMembershipResponse> tenants;
    private String section = "dashboard";

    public TenantSwitcher(List<TenantMembershipResponse> tenants) {
        this.tenants = List.copyOf(tenants);
        Select<TenantMembershipResponse> select = getContent();
        select.setAriaLabel("Tenant");
        select.setPlaceholder(tenants.isEmpty() ? "No tenants" : "Choose a tenant");
        select.setEnabled(!tenants.isEmpty());
        select.setItems(this.tenants);
        select.setItemLabelGenerator(t -> t.name() + " (" + t.role() + ")");
        select.addValueChangeListener(
                e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        select.getUI()
                                .ifPresent(
                                        ui ->
                                                ui.navigate(
                                                        "t/"
                                                                + e.getValue().slug()
                                                                + "/"
                                                                + section));
                    }
                });
    }

    /** Shows which tenant the current page belongs to ({@code null}: none). */
    public void show(String slug, String section) {
        this.section = section;
        getContent()
                .setValue(
                        tenants.stream()
                                .filter(t -> Objects.equals(t.slug(), slug))
                                .findFirst()
                                .orElse(null));
    }

    /** The tenant shown, or null. */
    public TenantMembershipResponse selected() {
        return getContent().getValue();
    }
}
