package io.atspro.storage;

import java.net.URI;
import java.time.Instant;

/** A presigned GET URL and when it stops working. */
public record DownloadLink(URI url, Instant expiresAt) {
}
