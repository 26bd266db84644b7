package io.atspro.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/crypto")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class CryptoAdminResource {

    private final Reencryption reencryption;

    CryptoAdminResource(Reencryption reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @Path("/reencrypt")
    @Operation(operationId = "reencryptPersonalData", summary = "Re-encrypt personal data",
            description = "Re-encrypts every personal field under the current key (after a key rotation).")
    public Map<String, Object> reencrypt() {
        return reencryption.reencryptAll();
    }
}
