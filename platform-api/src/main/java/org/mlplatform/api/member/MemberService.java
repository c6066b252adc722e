package org.mlplatform.api.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.ForbiddenException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.api.user.AppUser;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.member.MemberResponse;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * A tenant's members. OWNER and ADMIN change them; only an OWNER touches OWNERs; the last OWNER
 * stays. Writes lock the tenant row so that two concurrent demotions cannot remove every OWNER.
 */
@ApplicationScoped
public class MemberService {

    private final TenantAccess access;
    private final AuditLog audit;

    public MemberService(TenantAccess access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    public List<MemberResponse> list(String slug) {
        Tenant tenant = access.require(slug, TenantRole.VIEWER).tenant;
        return Membership.<Membership>find(
                        "from Membership m join fetch m.user u where m.tenant.id = ?1"
                                + " order by u.username",
                        tenant.id)
                .stream()
                .map(MemberService::toResponse)
                .toList();
    }

    @Transactional
    public MemberResponse add(String slug, AddMemberRequest request) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        requireOwnerFor(mine, request.role());
        Tenant tenant = lock(mine.tenant);
        AppUser user =
                AppUser.findByUsername(request.username())
                        .orElseThrow(() -> NotFoundException.unknownUser(request.username()));
        if (Membership.find(tenant.id, user.id).isPresent()) {
            throw new ConflictException(
                    "'" + user.username + "' is already a member of '" + slug + "'.");
        }
        Membership added = new Membership();
        added.tenant = tenant;
        added.user = user;
        added.role = request.role();
        added.createdAt = Instant.now();
        added.persist();
        record(mine, AuditLog.MEMBER_ADDED, user.username, Map.of("role", request.role().name()));
        return toResponse(added);
    }

    @Transactional
    public MemberResponse changeRole(String slug, String username, TenantRole role) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        Tenant tenant = lock(mine.tenant);
        Membership target = member(tenant, username);
        if (target.role == role) {
            return toResponse(target);
        }
        requireOwnerFor(mine, target.role);
        requireOwnerFor(mine, role);
        if (target.role == TenantRole.OWNER) {
            requireAnotherOwner(tenant, "demoted");
        }
        TenantRole from = target.role;
        target.role = role;
        record(
                mine,
                AuditLog.MEMBER_ROLE_CHANGED,
                username,
                Map.of("from", from.name(), "to", role.name()));
        return toResponse(target);
    }

    @Transactional
    public void remove(String slug, String username) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        Tenant tenant = lock(mine.tenant);
        Membership target = member(tenant, username);
        requireOwnerFor(mine, target.role);
        if (target.role == TenantRole.OWNER) {
            requireAnotherOwner(tenant, "removed");
        }
        target.delete();
        record(mine, AuditLog.MEMBER_REMOVED, username, Map.of("role", target.role.name()));
    }

    private static Tenant lock(Tenant tenant) {
        return Tenant.findById(tenant.id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Membership member(Tenant tenant, String username) {
        return Membership.findByUsername(tenant.id, username)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "'"
                                                + username
                                                + "' is not a member of '"
                                                + tenant.slug
                                                + "'."));
    }

    private static void requireOwnerFor(Membership mine, TenantRole role) {
        if (role == TenantRole.OWNER && mine.role != TenantRole.OWNER) {
            throw new ForbiddenException("Only an OWNER may make, change or remove an OWNER.");
        }
    }

    private static void requireAnotherOwner(Tenant tenant, String verb) {
        if (Membership.countOwners(tenant.id) <= 1) {
            throw new ConflictException(
                    "The last OWNER of '" + tenant.slug + "' cannot be " + verb + ".");
        }
    }

    private void record(
            Membership mine, String action, String target, Map<String, Object> details) {
        audit.record(access.caller().username(), mine.tenant, action, "member", target, details);
    }

    static MemberResponse toResponse(Membership m) {
        return new MemberResponse(
                m.user.username, m.user.email, m.user.displayName, m.role, m.createdAt);
    }
}
