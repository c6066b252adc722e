package org.mlplatform.contract.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;

/**
 * A tenant's API keys for the inference API. Members list them; ADMIN and OWNER create, rotate and
 * revoke.
 */
@Path("/api/v1/tenants/{tenant}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ApiKeysApi {

    /** 201 with {@code Location} and the secret, shown this once. */
    @POST
    RestResponse<CreatedApiKeyResponse> create(
            @PathParam("tenant") String tenant, @Valid @NotNull CreateApiKeyRequest request);

    /** Newest first; revoked keys too. */
    @GET
    PageResponse<ApiKeyResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    ApiKeyResponse get(@PathParam("tenant") String tenant, @PathParam("id") UUID id);

    /** Revokes the key on every gateway replica within a second; revoking twice is fine. */
    @POST
    @Path("/{id}/revoke")
    ApiKeyResponse revoke(@PathParam("tenant") String tenant, @PathParam("id") UUID id);

    /** A new secret (shown this once); the old one works for the grace period. 409 if revoked. */
    @POST
    @Path("/{id}/rotate")
    CreatedApiKeyResponse rotate(
            @PathParam("tenant") String tenant,
            @PathParam("id") UUID id,
            @Valid @NotNull RotateApiKeyRequest request);
}
