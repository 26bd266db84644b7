package io.atspro.identity;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs on every authenticated API request, on the worker thread of the endpoint: the per-user rate
 * limit first, then the token's identity is mirrored (or found in the pod's cache) into {@link CurrentUser}.
 */
class IdentityRequestFilter {

    private final CurrentIdentityAssociation identities;
    private final IdentityMirror mirror;
    private final IdentityCache cache;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final IdentityConfig config;

    IdentityRequestFilter(CurrentIdentityAssociation identities, IdentityMirror mirror, IdentityCache cache,
                          RateLimiter rateLimiter, CurrentUser currentUser, IdentityConfig config) {
        this.identities = identities;
        this.mirror = mirror;
        this.cache = cache;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 100)
    void mirrorIdentity(ContainerRequestContext context, HttpServerRequest request) {
        SecurityIdentity identity = identities.getIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        rateLimiter.check(config.providerId() + ":" + token.getSubject());

        OidcClaims claims = claimsOf(token);
        String key = claims.fingerprint(config.providerId());
        MirroredUser user = cache.get(key);
        if (user == null) {
            if (claims.email() == null) {
                return; // a service account: it may call admin endpoints, it owns no data
            }
            String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            user = mirror.mirror(claims, ip, context.getHeaderString(HttpHeaders.USER_AGENT));
            cache.put(key, user);
        }
        currentUser.set(user);
    }

    private static OidcClaims claimsOf(JsonWebToken token) {
        String email = text(token, "email");
        String verified = text(token, "email_verified");
        String name = text(token, "name");
        if (name == null) {
            name = text(token, "preferred_username");
        }
        long exp = token.getExpirationTime();
        return new OidcClaims(token.getSubject(), name, email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                Boolean.parseBoolean(verified), text(token, "picture"), text(token, "sid"),
                exp > 0 ? Instant.ofEpochSecond(exp) : null);
    }

    /** A claim as text, whether the JWT library hands it over as a Java value or a JSON value. */
    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }
}
