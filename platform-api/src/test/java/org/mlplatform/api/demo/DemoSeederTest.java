package org.mlplatform.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.audit.AuditEvent;
import org.mlplatform.api.common.PlatformConfig;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.user.AppUser;
import org.mlplatform.contract.tenant.TenantRole;

@QuarkusTest
class DemoSeederTest {

    @Inject DemoSeeder seeder;
    @Inject PlatformConfig config;

    @Test
    void shouldBeOffUnlessEnabled() {
        assertThat(config.demo().seed()).isFalse();
    }

    @Test
    void shouldSeedIdempotentlyAndKeepLaterChanges() {
        seeder.seed();
        Map<String, Long> first = counts();
        assertThat(first)
                .containsEntry("users", 3L)
                .containsEntry("tenants", 2L)
                .containsEntry("owners", 2L);
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(() -> AppUser.findByUsername("alice").orElseThrow().email))
                .isEqualTo("alice@example.com");

        TestData.as(TestData.unique("padmin"), "platform-admin")
                .body(Map.of("name", "Acme Renamed"))
                .patch("/api/v1/admin/tenants/acme")
                .then()
                .statusCode(200);
        Long events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());

        seeder.seed();

        assertThat(counts()).isEqualTo(first);
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(() -> Tenant.findBySlug("acme").orElseThrow().name))
                .isEqualTo("Acme Renamed");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count()))
                .isEqualTo(events);
    }

    private static Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                Map.of(
                                        "users",
                                        AppUser.count(
                                                "username in ?1", List.of("admin", "alice", "bob")),
                                        "tenants",
                                        Tenant.count("slug in ?1", List.of("acme", "globex")),
                                        "owners",
                                        Membership.count(
                                                "tenant.slug in ?1 and role = ?2",
                                                List.of("acme", "globex"),
                                                TenantRole.OWNER)));
    }
}
