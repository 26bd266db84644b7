package io.atspro.application;

import io.atspro.shared.ConflictException;

/** A status move the transition table does not allow: 409, nothing changes. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
        super("An application cannot move from " + from.code() + " to " + to.code()
                + (from.next().isEmpty() ? " (" + from.code() + " is final)"
                : "; from " + from.code() + " it can move to " + from.next().stream().map(ApplicationStatus::code).sorted().toList()));
    }
}
