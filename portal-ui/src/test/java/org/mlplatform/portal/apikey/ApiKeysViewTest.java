package org.mlplatform.portal.apikey;

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
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.ApiKeyStatus;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.RateLimit;
import org.mlplatform.contract.apikey.RotateApiKeyRequest;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class ApiKeysViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @BeforeEach
    void oneKeyAndTwoModels() {
        platform.models.model("acme", "iris", null, ModelTask.TABULAR_CLASSIFICATION);
        platform.models.model("acme", "mnist", null, ModelTask.IMAGE_CLASSIFICATION);
        platform.apiKeys.key("acme", "backend", List.of("iris"));
        platform.apiKeys.key("beta", "other tenant's", List.of());
    }

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private ApiKeysView open(String tenant) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/" + tenant + "/api-keys");
        return _get(ApiKeysView.class);
    }

    private static String pageText() {
        return UI.getCurrent().getElement().getTextRecursively();
    }

    @Test
    void shouldListTheTenantsKeysWithTheirLimitsAndStatus() {
        ApiKeysView view = open("acme");

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormatted(view.grid, 0, "name")).isEqualTo("backend");
        assertThat(_getFormatted(view.grid, 0, "prefix")).isEqualTo("mlp_1");
        assertThat(_getFormatted(view.grid, 0, "scopes"))
                .isEqualTo("inference:invoke, models:read");
        assertThat(_getFormatted(view.grid, 0, "models")).isEqualTo("iris");
        assertThat(_getFormatted(view.grid, 0, "limits")).isEqualTo("5 /s, burst 10");
        assertThat(_getFormatted(view.grid, 0, "lastUsed")).isEqualTo("Never");
        assertThat(_getFormatted(view.grid, 0, "expires")).isEqualTo("2026-03-01");
        assertThat(((Span) _getCellComponent(view.grid, 0, "status")).getText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void shouldShowTheNewSecretOnceAndNeverInTheList() {
        ApiKeysView view = open("acme");
        _click(_get(Button.class, spec -> spec.withId("create-key")));
        CreateApiKeyForm form = _get(CreateApiKeyForm.class);
        _setValue(form.name, "ci");
        _setValue(form.scopes, Set.of(ApiKeyScope.INFERENCE_INVOKE, ApiKeyScope.MODELS_READ));
        _setValue(form.models, Set.of("mnist", "iris"));
        _setValue(form.requestsPerSecond, 5.0);
        _setValue(form.burst, 10);
        _setValue(form.monthlyLimit, 1000);
        _click(form.save);

        CreateApiKeyRequest sent = (CreateApiKeyRequest) platform.writes.get(0);
        assertThat(sent.name()).isEqualTo("ci");
        assertThat(sent.scopes())
                .containsExactly(ApiKeyScope.INFERENCE_INVOKE, ApiKeyScope.MODELS_READ);
        assertThat(sent.models()).containsExactly("iris", "mnist");
        assertThat(sent.rateLimit()).isEqualTo(new RateLimit(5.0, 10));
        assertThat(sent.monthlyRequestLimit()).isEqualTo(1000L);
        assertThat(sent.expiresAt()).isNotNull();
        String secret = platform.apiKeys.secretsIssued.get(0);
        SecretDialog dialog = _get(SecretDialog.class);
        assertThat(dialog.secret.getValue()).isEqualTo(secret);
        assertThat(dialog.secret.isReadOnly()).isTrue();
        assertThat(
                        _get(
                                        dialog,
                                        com.vaadin.flow.component.html.Paragraph.class,
                                        spec -> spec.withId("key-warning"))
                                .getText())
                .contains("cannot be shown again");
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormatted(view.grid, 0, "name")).isEqualTo("ci");

        _click(dialog.done);

        _assertNone(SecretDialog.class);
        assertThat(pageText()).doesNotContain(secret);
        for (int row = 0; row < _size(view.grid); row++) {
            for (String column : List.of("name", "prefix", "scopes", "models", "limits")) {
                assertThat(_getFormatted(view.grid, row, column)).doesNotContain(secret);
            }
        }
    }

    @Test
    void shouldCopyTheSecretToTheClipboardInTheBrowser() {
        open("acme");
        _click(_get(Button.class, spec -> spec.withId("create-key")));
        CreateApiKeyForm form = _get(CreateApiKeyForm.class);
        _setValue(form.name, "ci");
        _click(form.save);
        SecretDialog dialog = _get(SecretDialog.class);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _click(dialog.copy);

        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(
                        js -> {
                            assertThat(js.getInvocation().getExpression())
                                    .contains("navigator.clipboard.writeText");
                            assertThat(js.getInvocation().getParameters().toString())
                                    .contains(platform.apiKeys.secretsIssued.get(0));
                        });
    }

    @Test
    void shouldShowTheApisFieldErrorsOnTheCreateForm() {
        open("acme");
        platform.failNextWrite(400, "Invalid request", Map.of("expiresAt", "at most a year"));
        _click(_get(Button.class, spec -> spec.withId("create-key")));
        CreateApiKeyForm form = _get(CreateApiKeyForm.class);
        _setValue(form.name, "ci");
        _click(form.save);

        assertThat(form.expiresOn.isInvalid()).isTrue();
        assertThat(form.expiresOn.getErrorMessage()).isEqualTo("at most a year");
        _assertNone(SecretDialog.class);
    }

    @Test
    void shouldRevokeAKeyAfterConfirmation() {
        ApiKeysView view = open("acme");
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("revoke-mlp_1")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(platform.apiKeys.keys.get(1).status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(((Span) _getCellComponent(view.grid, 0, "status")).getText())
                .isEqualTo("REVOKED");
        assertThat(_find(_getCellComponent(view.grid, 0, "actions"), Button.class)).isEmpty();
    }

    @Test
    void shouldRotateWithTheChosenGracePeriodAndShowTheNewSecret() {
        ApiKeysView view = open("acme");
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("rotate-mlp_1")));
        RotateKeyForm form = _get(RotateKeyForm.class);
        _setValue(form.grace, RotateKeyForm.GracePeriod.ONE_WEEK);
        _click(form.rotate);

        assertThat(platform.writes).containsExactly(new RotateApiKeyRequest(604_800L));
        assertThat(_get(SecretDialog.class).secret.getValue())
                .isEqualTo(platform.apiKeys.secretsIssued.get(0));
    }

    @Test
    void shouldShowTheApisMessageWhenRotatingARevokedKey() {
        ApiKeysView view = open("acme");
        platform.failNextWrite(409, "The key is revoked.", Map.of());
        _click(
                _get(
                        _getCellComponent(view.grid, 0, "actions"),
                        Button.class,
                        spec -> spec.withId("rotate-mlp_1")));
        _click(_get(RotateKeyForm.class).rotate);

        MockVaadin.clientRoundtrip();
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .contains("The key is revoked.");
        _assertNone(SecretDialog.class);
    }

    @Test
    void shouldLetMembersAndViewersSeeKeysButNotManageThem() {
        platform.signIn("alice", false, "acme", TenantRole.MEMBER);
        ApiKeysView view = open("acme");

        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(_find(view, Button.class)).isEmpty();
    }
}
