package org.mlplatform.portal.admin;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class TenantsViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void signInAsAdmin() {
        for (int i = 0; i < 120; i++) {
            platform.tenant("t-" + String.format("%03d", i), "Tenant " + i, TenantStatus.ACTIVE);
        }
        platform.signIn("admin", true);
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("admin/tenants");
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    @Test
    void shouldPageThroughAllTenants() {
        TenantsView view = _get(TenantsView.class);

        assertThat(_size(view.grid)).isEqualTo(122);
        assertThat(_getFormatted(view.grid, 0, "slug")).isEqualTo("acme");
        assertThat(_getFormatted(view.grid, 0, "members")).isEqualTo("2");
        assertThat(_getFormatted(view.grid, 121, "slug")).isEqualTo("t-119");
    }

    @Test
    void shouldFilterBySearchText() {
        TenantsView view = _get(TenantsView.class);

        _setValue(view.search, "beta");

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormatted(view.grid, 0, "name")).isEqualTo("Beta Labs");
    }

    @Test
    void shouldShowTheApisFieldErrorsOnTheCreateForm() {
        platform.failNextWrite(400, "Invalid request", Map.of("slug", "is already taken"));

        _click(_get(Button.class, spec -> spec.withText("Create tenant")));
        CreateTenantForm form = _get(CreateTenantForm.class);
        _setValue(form.slug, "acme");
        _setValue(form.name, "Acme again");
        _setValue(form.owner, "alice");
        _click(form.save);

        assertThat(form.slug.isInvalid()).isTrue();
        assertThat(form.slug.getErrorMessage()).isEqualTo("is already taken");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
    }

    @Test
    void shouldCreateATenant() {
        _click(_get(Button.class, spec -> spec.withText("Create tenant")));
        CreateTenantForm form = _get(CreateTenantForm.class);
        _setValue(form.slug, "gamma");
        _setValue(form.name, "Gamma");
        _setValue(form.owner, "bob");
        _click(form.save);

        assertThat(platform.tenants).containsKey("gamma");
        assertThat(_size(_get(TenantsView.class).grid)).isEqualTo(123);
    }

    @Test
    void shouldSuspendATenantAfterConfirmation() {
        TenantsView view = _get(TenantsView.class);
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("suspend-acme")));
        _click(_get(Button.class, spec -> spec.withId("confirm-status")));

        assertThat(platform.tenants.get("acme").status()).isEqualTo(TenantStatus.SUSPENDED);
        _get(
                _getCellComponent(view.grid, 0, "actions"),
                Button.class,
                spec -> spec.withId("reactivate-acme"));
    }

    @Test
    void shouldPutTheQuotaEnteredInTheDialog() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(2L << 30, 1L << 30),
                        new QuotaLimit(5L, 2),
                        new QuotaLimit(null, 1),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));
        QuotaForm form = openQuotaForm();
        assertThat(form.storage.getValue()).isEqualByComparingTo("2");
        assertThat(form.unit.getValue()).isEqualTo(QuotaForm.Unit.GB);
        assertThat(form.storage.getHelperText()).isEqualTo("Uses 1.0 GB");

        _setValue(form.storage, new BigDecimal("1.5"));
        _setValue(form.models, null);
        _setValue(form.datasets, 7);
        _click(form.save);

        assertThat(platform.writes)
                .containsExactly(new SetQuotaRequest(1536L << 20, null, 7, null, null, null, null));
        _assertNone(Dialog.class);
    }

    @Test
    void shouldSendTheTrainingLimitsInSeconds() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(2L, 1),
                        new QuotaLimit(36_000L, 5_400),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));
        QuotaForm form = openQuotaForm();
        assertThat(form.concurrentJobs.getValue()).isEqualTo(2);
        assertThat(form.trainingHours.getValue()).isEqualByComparingTo("10");
        assertThat(form.trainingHours.getHelperText()).isEqualTo("Used 1.5 h this month (UTC)");

        _setValue(form.concurrentJobs, 4);
        _setValue(form.trainingHours, new BigDecimal("2.5"));
        _click(form.save);

        assertThat(platform.writes)
                .containsExactly(new SetQuotaRequest(null, null, null, 4, 9_000L, null, null));
    }

    @Test
    void shouldKeepATrainingLimitOfOddSecondsExactWhenItIsNotChanged() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(1_001L, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));
        QuotaForm form = openQuotaForm();
        assertThat(form.trainingHours.getValue()).isEqualByComparingTo("0.278056");

        _click(form.save);

        assertThat(platform.writes)
                .containsExactly(new SetQuotaRequest(null, null, null, null, 1_001L, null, null));
    }

    @Test
    void shouldSendTheInferenceLimitsAndShowTheirUse() {
        platform.quotas.quotas.put(
                "acme",
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(20L, 3),
                        new QuotaLimit(null, 12_345)));
        QuotaForm form = openQuotaForm();
        assertThat(form.requestsPerSecond.getValue()).isEqualTo(20);
        assertThat(form.requestsPerSecond.getHelperText())
                .isEqualTo("Used 3 in the last full second, over all keys");
        assertThat(form.inferenceRequests.getValue()).isNull();
        assertThat(form.inferenceRequests.getHelperText()).isEqualTo("Used 12345 this month (UTC)");

        _setValue(form.requestsPerSecond, 50);
        _setValue(form.inferenceRequests, new BigDecimal("5000000000"));
        _click(form.save);

        assertThat(platform.writes)
                .containsExactly(
                        new SetQuotaRequest(null, null, null, null, null, 50, 5_000_000_000L));
    }

    @Test
    void shouldRefuseAFractionOfAMonthlyRequest() {
        QuotaForm form = openQuotaForm();

        _setValue(form.inferenceRequests, new BigDecimal("10.5"));
        _click(form.save);

        assertThat(platform.writes).isEmpty();
        assertThat(form.inferenceRequests.getErrorMessage())
                .isEqualTo("Enter a whole number, or nothing for no limit");
    }

    @Test
    void shouldShowTheApisFieldErrorsOnTheQuotaDialog() {
        TenantsView view = _get(TenantsView.class);
        platform.failNextWrite(400, "Invalid request", Map.of("maxModels", "must be 0 or more"));
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("quota-acme")));
        QuotaForm form = _get(QuotaForm.class);
        _setValue(form.unit, QuotaForm.Unit.MB);
        _setValue(form.storage, new BigDecimal("512"));
        _click(form.save);

        assertThat(form.models.isInvalid()).isTrue();
        assertThat(form.models.getErrorMessage()).isEqualTo("must be 0 or more");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
    }

    /** Opens the quota dialog of acme, the first tenant in the grid. */
    private static QuotaForm openQuotaForm() {
        TenantsView view = _get(TenantsView.class);
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("quota-acme")));
        return _get(QuotaForm.class);
    }
}
