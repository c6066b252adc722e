package org.mlplatform.portal.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.tenant.TenantRole;

class AddMemberFormTest {

    private final AddMemberForm form =
            new AddMemberForm(List.of(TenantRole.ADMIN, TenantRole.MEMBER, TenantRole.VIEWER));
    private final List<AddMemberRequest> saved = new ArrayList<>();

    {
        form.addSaveListener(e -> saved.add(e.request()));
    }

    @Test
    void shouldRequireAUsername() {
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.username.isInvalid()).isTrue();
    }

    @Test
    void shouldDefaultToTheMemberRole() {
        form.username.setValue(" carol ");
        form.save.click();

        assertThat(saved).containsExactly(new AddMemberRequest("carol", TenantRole.MEMBER));
    }

    @Test
    void shouldOfferOnlyTheRolesItWasGiven() {
        assertThat(form.role.getListDataView().getItems()).doesNotContain(TenantRole.OWNER);
    }
}
