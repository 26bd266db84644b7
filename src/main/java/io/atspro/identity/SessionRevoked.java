package io.atspro.identity;

/** A user revoked one of their sessions; pods drop what they cached of it once the revocation is committed. */
public record SessionRevoked(String userId, String sessionTokenHash) {
}
