package io.atspro.shared;

/** A file whose content (sniffed, not the declared type) is not one ATSPro accepts: 415. */
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String detail) {
        super(detail);
    }
}
