package org.mlplatform.api.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.mlplatform.api.common.PlatformConfig;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.tenant.TenantService;
import org.mlplatform.api.user.AppUser;

/**
 * Creates demo users and tenants at start when {@code platform.demo.seed} is on (the {@code
 * embedded} profile). Only what is missing is created, so later changes, such as a renamed tenant,
 * survive restarts.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    private static final List<String> USERS = List.of("admin", "alice", "bob");

    private final PlatformConfig config;

    public DemoSeeder(PlatformConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demo().seed()) {
            seed();
            LOG.info("Demo data is in place: users admin, alice, bob; tenants acme, globex");
        }
    }

    /** Adds the demo users and tenants that do not exist yet. */
    @Transactional
    public void seed() {
        USERS.forEach(DemoSeeder::user);
        tenant("acme", "Acme Corp", "alice");
        tenant("globex", "Globex", "bob");
    }

    private static AppUser user(String username) {
        return AppUser.findByUsername(username)
                .orElseGet(
                        () -> {
                            AppUser user = new AppUser();
                            user.username = username;
                            user.email = username + "@example.com";
                            user.createdAt = Instant.now();
                            user.persist();
                            return user;
                        });
    }

    private static void tenant(String slug, String name, String owner) {
        if (Tenant.findBySlug(slug).isEmpty()) {
            TenantService.createWithOwner(slug, name, user(owner));
        }
    }
}
