package io.atspro.storage;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose declared body is over the upload limit with 413 problem+json before a byte
 * of it is read or stored. A body without Content-Length is capped by quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
class UploadSizeLimit {

    /** Room for the multipart envelope and the form's other fields. */
    private static final long ENVELOPE = 64 * 1024;

    private final long limit;
    private final long maxUploadBytes;

    UploadSizeLimit(StorageConfig config) {
        this.maxUploadBytes = config.maxUploadSize().asLongValue();
        this.limit = maxUploadBytes + ENVELOPE;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
                                + "\"detail\":\"The upload is larger than " + maxUploadBytes / (1024 * 1024) + " MB\"}");
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
