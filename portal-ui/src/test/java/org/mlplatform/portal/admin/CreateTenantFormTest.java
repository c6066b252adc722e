package org.mlplatform.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.tenant.CreateTenantRequest;

class CreateTenantFormTest {

    private final CreateTenantForm form = new CreateTenantForm();
    private final List<CreateTenantRequest> saved = new ArrayList<>();

    {
        form.addSaveListener(e -> saved.add(e.request()));
    }

    @Test
    void shouldRefuseAnInvalidSlug() {
        form.slug.setValue("Acme Corp");
        form.name.setValue("Acme");
        form.owner.setValue("alice");
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.slug.isInvalid()).isTrue();
    }

    @Test
    void shouldRequireEveryField() {
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.owner.isInvalid()).isTrue();
    }

    @Test
    void shouldFireSaveWithATrimmedRequest() {
        form.slug.setValue("acme-corp");
        form.name.setValue(" Acme Corp ");
        form.owner.setValue("alice");
        form.save.click();

        assertThat(saved)
                .containsExactly(new CreateTenantRequest("acme-corp", "Acme Corp", "alice"));
    }

    @Test
    void shouldReportFieldErrorsItHasNoFieldFor() {
        Map<String, String> unmatched =
                form.showFieldErrors(Map.of("ownerUsername", "unknown user", "quota", "too big"));

        assertThat(form.owner.getErrorMessage()).isEqualTo("unknown user");
        assertThat(unmatched).containsOnlyKeys("quota");
    }
}
