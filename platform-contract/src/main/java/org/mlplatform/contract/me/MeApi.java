package org.mlplatform.contract.me;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user. The first call records the user (subject, username, e-mail, name). */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public interface MeApi {

    @GET
    MeResponse me();
}
