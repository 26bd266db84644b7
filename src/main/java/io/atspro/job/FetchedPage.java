package io.atspro.job;

import java.net.URI;

/**
 * A page {@link SafeHttpFetcher} read.
 *
 * @param finalUrl    where the page was found, after redirects
 * @param status      the HTTP status (2xx)
 * @param contentType the Content-Type header as sent, or null
 * @param body        the body decoded with the charset of the Content-Type (or the page's meta charset, else UTF-8)
 */
public record FetchedPage(URI finalUrl, int status, String contentType, String body) {
}
