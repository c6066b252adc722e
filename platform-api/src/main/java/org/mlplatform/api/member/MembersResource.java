package org.mlplatform.api.member;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.member.MemberResponse;
import org.mlplatform.contract.member.MembersApi;
import org.mlplatform.contract.member.UpdateMemberRequest;

/** A tenant's members; the rules live in {@link MemberService}. */
@Authenticated
public class MembersResource implements MembersApi {

    private final MemberService members;

    public MembersResource(MemberService members) {
        this.members = members;
    }

    @Override
    public List<MemberResponse> list(String tenant) {
        return members.list(tenant);
    }

    @Override
    public RestResponse<MemberResponse> add(String tenant, AddMemberRequest request) {
        MemberResponse added = members.add(tenant, request);
        URI location =
                UriBuilder.fromPath("/api/v1/tenants/{tenant}/members/{username}")
                        .build(tenant, added.username());
        return RestResponse.ResponseBuilder.<MemberResponse>created(location).entity(added).build();
    }

    @Override
    public MemberResponse update(String tenant, String username, UpdateMemberRequest request) {
        return members.changeRole(tenant, username, request.role());
    }

    @Override
    public void remove(String tenant, String username) {
        members.remove(tenant, username);
    }
}
