package org.mlplatform.contract.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A tenant's members. Every member may list them; OWNER and ADMIN change them; only an OWNER makes
 * or changes an OWNER. The last OWNER can be neither removed nor demoted (409).
 */
@Path("/api/v1/tenants/{tenant}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MembersApi {

    @GET
    List<MemberResponse> list(@PathParam("tenant") String tenant);

    /** Adds a member: 201 with {@code Location}, 409 if already a member. */
    @POST
    RestResponse<MemberResponse> add(
            @PathParam("tenant") String tenant, @Valid @NotNull AddMemberRequest request);

    @PATCH
    @Path("/{username}")
    MemberResponse update(
            @PathParam("tenant") String tenant,
            @PathParam("username") String username,
            @Valid @NotNull UpdateMemberRequest request);

    /** Removes a member: 204. */
    @DELETE
    @Path("/{username}")
    void remove(@PathParam("tenant") String tenant, @PathParam("username") String username);
}
