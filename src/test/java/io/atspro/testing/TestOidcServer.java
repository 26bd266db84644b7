package io.atspro.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * An OIDC provider for tests: WireMock on 127.0.0.1 serving the discovery document and the JWKS of the
 * key pair shipped in quarkus-test-oidc-server ({@code OidcWiremockTestResource} itself listens on every
 * interface). {@link Tokens} signs access tokens with the private half.
 */
public final class TestOidcServer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/atspro";
    public static final String KEY_ID = "1";

    private final WireMockServer server;
    private final PrivateKey signingKey;
    private final List<UUID> faults = new CopyOnWriteArrayList<>();

    private TestOidcServer(WireMockServer server, PrivateKey signingKey) {
        this.server = server;
        this.signingKey = signingKey;
    }

    public static TestOidcServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePort.find())
                .disableRequestJournal());
        server.start();
        String issuer = "http://127.0.0.1:" + server.port() + REALM_PATH;
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                         "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                         "token_endpoint":"%1$s/protocol/openid-connect/token",
                         "response_types_supported":["code"],"subject_types_supported":["public"],
                         "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer))));
        server.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"keys\":[" + resource("publicKey.jwk") + "]}")));
        try {
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(resource("privateKey.jwk"));
            return new TestOidcServer(server, key.getRsaPrivateKey());
        } catch (JoseException e) {
            server.stop();
            throw new IllegalStateException("The test key pair could not be read", e);
        }
    }

    /** Every request answers 500 (discovery, keys, everything) until {@link #heal()}. */
    public void answerEverythingWith500() {
        heal();
        faults.add(server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(500)
                .withBody("provider down"))).getId());
    }

    /** Every connection is dropped without an answer, as if the provider were gone, until {@link #heal()}. */
    public void dropEveryConnection() {
        heal();
        faults.add(server.stubFor(any(anyUrl()).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))).getId());
    }

    /** Serves discovery and keys again. */
    public void heal() {
        faults.forEach(id -> server.removeStubMapping(server.getStubMapping(id).getItem()));
        faults.clear();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.port() + REALM_PATH;
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    private static String resource(String name) {
        try (InputStream in = TestOidcServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (quarkus-test-oidc-server)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
