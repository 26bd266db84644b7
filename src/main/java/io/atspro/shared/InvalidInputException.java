package io.atspro.shared;

import java.util.List;

/** Input that passes Bean Validation but breaks a rule across fields or against stored state: 400 naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
