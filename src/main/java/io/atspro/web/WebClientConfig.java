package io.atspro.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What the web client at {@code /app/} needs to log in: it is a public OIDC client of the service's provider. */
@ConfigMapping(prefix = "atspro.web")
public interface WebClientConfig {

    /** The OIDC client id of the browser app: a public client (no secret) allowed the authorization-code flow with PKCE. */
    @WithDefault("atspro-web")
    String clientId();

    /**
     * The issuer as browsers reach it, when it differs from {@code quarkus.oidc.auth-server-url} (the service may
     * reach the provider by an in-cluster name); absent: that URL.
     */
    Optional<String> issuer();
}
