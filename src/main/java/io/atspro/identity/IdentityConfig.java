package io.atspro.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "atspro.identity")
public interface IdentityConfig {

    /** The better-auth {@code account."providerId"} written for identities of the configured issuer. */
    @WithDefault("oidc")
    String providerId();

    /** How long a pod trusts an identity it mirrored before it reads the database again for the same claims. */
    @WithDefault("30S")
    Duration cacheTtl();

    /** The most identities a pod keeps in memory. */
    @WithDefault("10000")
    int cacheMaxEntries();

    /**
     * How long a pod accepts a bearer token it has verified without verifying it again (never past the token's
     * expiry); {@code 0} verifies every request. See {@link VerifiedTokens}.
     */
    @WithDefault("2M")
    Duration tokenCacheTtl();

    /** The most verified tokens a pod keeps in memory. */
    @WithDefault("4096")
    int tokenCacheMaxEntries();

    /** How long a revoked session stays refused (at least the provider's SSO session lifetime). */
    @WithDefault("30D")
    Duration revokedSessionRetention();
}
