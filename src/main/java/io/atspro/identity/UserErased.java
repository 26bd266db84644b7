package io.atspro.identity;

/** A user's data was erased; fired inside the erasing transaction (observe AFTER_SUCCESS). */
public record UserErased(String userId) {
}
