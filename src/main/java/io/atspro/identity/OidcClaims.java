package io.atspro.identity;

import java.time.Instant;

/** What ATSPro reads of a validated access token. {@code email} is lower-cased; {@code sid} may be null. */
record OidcClaims(String subject, String name, String email, boolean emailVerified, String picture, String sid,
                  Instant expiresAt) {

    /** The claims that, when they change, must be written to the user row or the session. */
    String fingerprint(String providerId) {
        return String.join("\u0000", providerId, subject, String.valueOf(name), String.valueOf(email),
                String.valueOf(emailVerified), String.valueOf(picture), String.valueOf(sid));
    }
}
