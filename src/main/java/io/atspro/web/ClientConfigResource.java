package io.atspro.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public: a browser client reads this before anyone has logged in, to find the OIDC provider it logs in at
 * (its {@code /.well-known/openid-configuration}) and the client id to log in as.
 */
@Path("/api/v1/client-config")
@Tag(name = "web client")
public class ClientConfigResource {

    /** {@code issuer}: the OIDC issuer URL; {@code client_id}: the public client of the web app. */
    @Schema(name = "WebClientConfig")
    public record ClientConfig(String issuer, String clientId) {
    }

    private final ClientConfig config;

    ClientConfigResource(WebClientConfig web, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        String issuer = web.issuer().orElse(authServerUrl);
        this.config = new ClientConfig(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer,
                web.clientId());
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClientConfig", summary = "Where a web client logs in",
            description = "The OIDC issuer and the public client id a web client logs in with (authorization code "
                    + "with PKCE); no bearer token needed.")
    public ClientConfig get() {
        return config;
    }
}
