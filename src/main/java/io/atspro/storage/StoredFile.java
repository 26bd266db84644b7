package io.atspro.storage;

/** A file put in S3 whose row is not written yet: either a row is registered for it, or it is discarded. */
public record StoredFile(String storageKey, String filename, FileType type, long sizeBytes, String sha256) {
}
