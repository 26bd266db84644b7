package io.atspro.shared;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * At start, the served document also names the configured OIDC provider ({@code oidc}, OpenID Connect discovery),
 * as an alternative to a pasted bearer token: Swagger UI's Authorize then logs in there with the authorization
 * code flow and PKCE as the web client's public client ({@code quarkus.swagger-ui.oauth-client-id}). The document
 * the build writes (for generators and linters) has only {@code bearer}: the provider is runtime configuration.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class SwaggerLoginFilter implements OASFilter {

    static final String SCHEME = "oidc";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse(null);
        if (issuer == null || issuer.isBlank()) {
            return;
        }
        String discovery = (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration";
        api.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(discovery)
                .description("Log in at the OIDC provider (authorization code with PKCE); tokens carry the roles"));
        api.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                .forEach(SwaggerLoginFilter::orLogin));
    }

    private static void orLogin(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return;
        }
        List<SecurityRequirement> alternatives = new ArrayList<>(security);
        alternatives.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        operation.setSecurity(alternatives);
    }
}
