package io.atspro.identity;

/** Fired when a user's row, profile or settings change; observers act after the transaction commits. */
public record UserChanged(String userId) {
}
