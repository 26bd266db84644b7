package io.atspro.identity;

import io.quarkus.security.UnauthorizedException;

/** The token belongs to a session the user revoked: it is refused like an invalid token (401). */
class SessionRevokedException extends UnauthorizedException {

    SessionRevokedException() {
        super("This session was revoked");
    }
}
