package io.atspro.shared;

/** The caller asked for something that does not exist or is not theirs: both answer 404, alike. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what) {
        super(what + " not found");
    }
}
