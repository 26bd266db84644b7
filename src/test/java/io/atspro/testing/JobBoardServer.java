package io.atspro.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock on 127.0.0.1 standing in for job boards and career pages; one per test class. */
public final class JobBoardServer implements AutoCloseable {

    private final WireMockServer server;

    private JobBoardServer(WireMockServer server) {
        this.server = server;
    }

    public static JobBoardServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePort.find()));
        server.start();
        return new JobBoardServer(server);
    }

    public WireMockServer wiremock() {
        return server;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.stop();
    }
}
