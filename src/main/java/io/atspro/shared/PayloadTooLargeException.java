package io.atspro.shared;

/** An upload over the configured size: 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
