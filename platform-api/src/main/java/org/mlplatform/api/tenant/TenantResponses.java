package org.mlplatform.api.tenant;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.api.member.Membership;
import org.mlplatform.contract.tenant.TenantResponse;

/** Maps tenants to wire records, with their member counts. */
final class TenantResponses {

    private TenantResponses() {}

    static TenantResponse of(Tenant t) {
        return of(t, Membership.count("tenant.id", t.id));
    }

    static TenantResponse of(Tenant t, long memberCount) {
        return new TenantResponse(t.slug, t.name, t.status, memberCount, t.createdAt, t.updatedAt);
    }

    /** One count query for a whole page. */
    static List<TenantResponse> of(List<Tenant> tenants) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows =
                Membership.getEntityManager()
                        .createQuery(
                                "select m.tenant.id, count(m) from Membership m"
                                        + " where m.tenant.id in :ids group by m.tenant.id",
                                Object[].class)
                        .setParameter("ids", tenants.stream().map(t -> t.id).toList())
                        .getResultList();
        Map<Long, Long> counts =
                rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return tenants.stream().map(t -> of(t, counts.getOrDefault(t.id, 0L))).toList();
    }
}
