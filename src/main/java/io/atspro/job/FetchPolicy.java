package io.atspro.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link SafeHttpFetcher} allows.
 *
 * @param allowPrivateNetworks lets addresses reach loopback, private and link-local networks: for tests and local
 *                             development only, since it lets users probe the internal network
 * @param connectTimeout       the longest wait for the server to accept the connection
 * @param readTimeout          the time budget for the whole fetch, redirects and body included
 * @param maxBodyBytes         the largest page read; bigger pages fail
 * @param maxRedirects         the most redirects followed
 */
public record FetchPolicy(boolean allowPrivateNetworks, Duration connectTimeout, Duration readTimeout,
                          long maxBodyBytes, int maxRedirects) {

    public static final FetchPolicy DEFAULT =
            new FetchPolicy(false, Duration.ofSeconds(5), Duration.ofSeconds(10), 2L * 1024 * 1024, 5);

    public FetchPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    public FetchPolicy withAllowPrivateNetworks(boolean allow) {
        return new FetchPolicy(allow, connectTimeout, readTimeout, maxBodyBytes, maxRedirects);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration read) {
        return new FetchPolicy(allowPrivateNetworks, connect, read, maxBodyBytes, maxRedirects);
    }

    public FetchPolicy withMaxBodyBytes(long max) {
        return new FetchPolicy(allowPrivateNetworks, connectTimeout, readTimeout, max, maxRedirects);
    }

    public FetchPolicy withMaxRedirects(int max) {
        return new FetchPolicy(allowPrivateNetworks, connectTimeout, readTimeout, maxBodyBytes, max);
    }
}
