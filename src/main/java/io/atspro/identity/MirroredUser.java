package io.atspro.identity;

/** The ATSPro user behind a token, and the better-auth session its {@code sid} maps to (null without sid). */
public record MirroredUser(String userId, String sessionId, String sessionTokenHash) {
}
