package org.mlplatform.api.me;

import io.quarkus.security.Authenticated;
import org.mlplatform.contract.me.MeApi;
import org.mlplatform.contract.me.MeResponse;

/** The signed-in user; recording the user happens for every call in {@code CurrentUser}. */
@Authenticated
public class MeResource implements MeApi {

    private final MeService me;

    public MeResource(MeService me) {
        this.me = me;
    }

    @Override
    public MeResponse me() {
        return me.me();
    }
}
