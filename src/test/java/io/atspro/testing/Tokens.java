package io.atspro.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens of the test OIDC provider, shaped like Keycloak's. {@code Tokens.user()} is a fresh,
 * never-seen identity with a verified email, so tests do not share users by accident.
 */
public final class Tokens {

    public static final String AUDIENCE = "atspro-api";

    private String subject = UUID.randomUUID().toString();
    private String email;
    private boolean emailVerified = true;
    private String name = "Test User";
    private String picture;
    private String sid = UUID.randomUUID().toString();
    private List<String> roles = List.of("user");
    private String issuer;
    private String audience = AUDIENCE;
    private long lifetimeSeconds = 300;
    private String keyId;
    private PrivateKey signingKey;

    private Tokens() {
        this.email = "user-" + subject.substring(0, 8) + "@example.com";
    }

    public static Tokens user() {
        return new Tokens();
    }

    public static Tokens admin() {
        return new Tokens().roles("user", "admin");
    }

    public Tokens subject(String value) {
        this.subject = value;
        return this;
    }

    public Tokens email(String value) {
        this.email = value;
        return this;
    }

    public Tokens emailVerified(boolean value) {
        this.emailVerified = value;
        return this;
    }

    public Tokens name(String value) {
        this.name = value;
        return this;
    }

    public Tokens picture(String value) {
        this.picture = value;
        return this;
    }

    public Tokens sid(String value) {
        this.sid = value;
        return this;
    }

    public Tokens roles(String... values) {
        this.roles = List.of(values);
        return this;
    }

    public Tokens issuer(String value) {
        this.issuer = value;
        return this;
    }

    public Tokens audience(String value) {
        this.audience = value;
        return this;
    }

    public Tokens lifetimeSeconds(long value) {
        this.lifetimeSeconds = value;
        return this;
    }

    /** Signs with another key under another key id than the provider's (a forged or rotated-away key). */
    public Tokens signedWith(String otherKeyId, PrivateKey otherKey) {
        this.keyId = otherKeyId;
        this.signingKey = otherKey;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    public String sid() {
        return sid;
    }

    /** The signed access token. */
    public String token() {
        TestOidcServer oidc = TestStack.get().oidc();
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer != null ? issuer : oidc.issuer())
                .subject(subject)
                .audience(audience)
                .claim("typ", "Bearer")
                .claim("azp", "atspro-web")
                .claim("name", name)
                .claim("preferred_username", email == null ? subject : email)
                .claim("email_verified", emailVerified)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(lifetimeSeconds);
        if (email != null) {
            claims.claim("email", email);
        }
        if (picture != null) {
            claims.claim("picture", picture);
        }
        if (sid != null) {
            claims.claim("sid", sid);
        }
        return claims.jws().keyId(keyId != null ? keyId : TestOidcServer.KEY_ID)
                .sign(signingKey != null ? signingKey : oidc.signingKey());
    }

    /** {@code Bearer <token>}. */
    public String bearer() {
        return "Bearer " + token();
    }
}
