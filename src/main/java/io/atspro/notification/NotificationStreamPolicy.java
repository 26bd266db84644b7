package io.atspro.notification;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission of the notification stream ({@code quarkus.http.auth.permission.notification-stream}): a
 * request with a {@code ticket} goes on to the resource, which redeems it (401 when it is no good); one without a
 * ticket needs a bearer token, as every API route does, so no token is 401 before the Accept header is looked at.
 */
@ApplicationScoped
class NotificationStreamPolicy implements HttpSecurityPolicy {

    static final String NAME = "notification-stream";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        if (request.request().getParam("ticket") != null && request.request().getHeader("Authorization") == null) {
            return CheckResult.permit();
        }
        return identity.map(id -> id.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return NAME;
    }
}
