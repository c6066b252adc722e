package org.mlplatform.portal.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;

class CreateApiKeyFormTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-03-01");
    private final CreateApiKeyForm form = new CreateApiKeyForm(List.of("iris"), TODAY);
    private final List<CreateApiKeyRequest> saved = new ArrayList<>();

    CreateApiKeyFormTest() {
        form.addSaveListener(e -> saved.add(e.request()));
    }

    @Test
    void shouldProposeInferenceOnlyFor90DaysWithoutOwnLimits() {
        form.name.setValue("  backend ");
        form.save.click();

        assertThat(saved)
                .containsExactly(
                        new CreateApiKeyRequest(
                                "backend",
                                List.of(ApiKeyScope.INFERENCE_INVOKE),
                                null,
                                Instant.parse("2025-05-30T00:00:00Z"),
                                null,
                                null));
    }

    @Test
    void shouldRefuseAnExpiryMoreThanAYearAhead() {
        form.name.setValue("backend");
        form.expiresOn.setValue(TODAY.plusDays(366));
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.expiresOn.isInvalid()).isTrue();
        assertThat(form.expiresOn.getErrorMessage()).isEqualTo("At most a year from today");
    }

    @Test
    void shouldTakeAnExpiryOfExactlyAYear() {
        form.name.setValue("backend");
        form.expiresOn.setValue(TODAY.plusDays(365));
        form.save.click();

        assertThat(saved)
                .singleElement()
                .extracting(CreateApiKeyRequest::expiresAt)
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void shouldNeedANameAndAScope() {
        form.scopes.clear();
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.scopes.isInvalid()).isTrue();
    }

    @Test
    void shouldRefuseABurstWithoutARate() {
        form.name.setValue("backend");
        form.burst.setValue(10);
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.burst.getErrorMessage()).isEqualTo("Set the requests per second first");
    }

    @Test
    void shouldRefuseARateOutsideTheContractsLimits() {
        form.name.setValue("backend");
        form.requestsPerSecond.setValue(0.001);
        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.requestsPerSecond.getErrorMessage()).isEqualTo("At least 0.01");
    }
}
