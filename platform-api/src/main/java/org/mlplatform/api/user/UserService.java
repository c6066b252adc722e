package org.mlplatform.api.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records users from their tokens. */
@ApplicationScoped
public class UserService {

    /** How stale {@code last_seen_at} may get before a call writes it again. */
    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    private static final int MAX_REMEMBERED = 10_000;

    private final EntityManager em;

    /**
     * Users recorded recently by this replica, so that a burst of calls with the same token writes
     * the row once instead of on every request.
     */
    private final Map<Recorded, RecordedAt> recent = new ConcurrentHashMap<>();

    public UserService(EntityManager em) {
        this.em = em;
    }

    /**
     * Like {@link #upsert}, but skips the write when this replica recorded the same user lately.
     */
    public long record(String subject, String username, String email, String name) {
        Recorded key = new Recorded(subject, username, email, name);
        RecordedAt seen = recent.get(key);
        Instant now = Instant.now();
        if (seen != null && seen.at().isAfter(now.minus(LAST_SEEN_RESOLUTION))) {
            return seen.id();
        }
        long id = upsert(subject, username, email, name);
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(key, new RecordedAt(id, now));
        return id;
    }

    private record Recorded(String subject, String username, String email, String name) {}

    private record RecordedAt(long id, Instant at) {}

    /**
     * Creates or refreshes the user row for a token and returns its id. A row found by subject
     * follows username changes; otherwise a row with the same username is claimed when it has no
     * subject yet (a seeded user). Written as SQL upserts so parallel first calls cannot collide.
     */
    @Transactional
    public long upsert(String subject, String username, String email, String name) {
        Timestamp now = Timestamp.from(Instant.now());
        if (subject != null) {
            List<?> updated =
                    em.createNativeQuery(
                                    "update users set username = ?1, email = coalesce(?2, email),"
                                            + " display_name = coalesce(?3, display_name),"
                                            + " last_seen_at = ?4 where subject = ?5 returning id")
                            .setParameter(1, username)
                            .setParameter(2, email)
                            .setParameter(3, name)
                            .setParameter(4, now)
                            .setParameter(5, subject)
                            .getResultList();
            if (!updated.isEmpty()) {
                return ((Number) updated.get(0)).longValue();
            }
        }
        Object id =
                em.createNativeQuery(
                                "insert into users (subject, username, email, display_name,"
                                        + " created_at, last_seen_at) values (?1, ?2, ?3, ?4, ?5, ?5)"
                                        + " on conflict (username) do update set"
                                        + " subject = coalesce(users.subject, excluded.subject),"
                                        + " email = coalesce(excluded.email, users.email),"
                                        + " display_name = coalesce(excluded.display_name,"
                                        + " users.display_name),"
                                        + " last_seen_at = excluded.last_seen_at returning id")
                        .setParameter(1, subject)
                        .setParameter(2, username)
                        .setParameter(3, email)
                        .setParameter(4, name)
                        .setParameter(5, now)
                        .getSingleResult();
        return ((Number) id).longValue();
    }
}
