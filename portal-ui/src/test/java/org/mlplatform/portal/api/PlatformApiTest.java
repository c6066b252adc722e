package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.FakePlatform;

class PlatformApiTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();
    private final PlatformApi api =
            new PlatformApi(platform, platform, platform, platform, platform.quotas);

    @Test
    void shouldTurnNotFoundIntoEmpty() {
        assertThat(api.tenant("nope")).isEmpty();
        assertThat(api.tenant("acme")).get().extracting(t -> t.memberCount()).isEqualTo(2L);
    }

    @Test
    void shouldReadTheProblemDocumentOfAnErrorAnswer() {
        PlatformApiException e =
                ProblemResponseMapper.fromBody(
                        400,
                        """
                        {"type":"urn:problem:validation","title":"Invalid request","status":400,
                         "detail":"The request has invalid fields.","instance":"/api/v1/admin/tenants",
                         "errors":[{"field":"create.request.slug","message":"is taken"}]}
                        """);

        assertThat(e.getMessage()).isEqualTo("The request has invalid fields.");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldErrors()).containsEntry("slug", "is taken");
    }

    @Test
    void shouldFallBackToAReadableMessageWithoutAProblemDocument() {
        PlatformApiException e = ProblemResponseMapper.fromBody(502, "<html>Bad gateway</html>");

        assertThat(e.getMessage()).contains("HTTP 502").doesNotContain("html");
    }

    @Test
    void shouldExplainThatThePlatformIsUnreachable() {
        assertThatThrownBy(
                        () ->
                                ApiCalls.call(
                                        () -> {
                                            throw new ProcessingException(
                                                    new ConnectException("Connection refused"));
                                        }))
                .isInstanceOf(PlatformApiException.class)
                .hasMessageContaining("not reachable")
                .hasMessageNotContaining("Connection refused");
    }
}
