package io.atspro.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before Quarkus OIDC for every bearer token: answers with the identity the same token produced when it was
 * verified ({@link VerifiedTokens}), bound to the current request; answers nothing otherwise, and OIDC verifies.
 */
@ApplicationScoped
class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity served from the cache, so that {@link Recorder} does not store it again. */
    static final String FROM_CACHE = "atspro.token-from-cache";

    private final VerifiedTokens tokens;

    CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above Quarkus OIDC's provider (the default, 1001): asked first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity verified = tokens.get(request.getToken().getToken());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(verified)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Runs last on every identity built from a token, and keeps the ones OIDC has just verified. */
    @ApplicationScoped
    static class Recorder implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Recorder(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.getAttribute(FROM_CACHE) == null) {
                tokens.put(identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
