package io.atspro.shared;

/** The request is well formed but clashes with the current state (a duplicate, an illegal state change): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
