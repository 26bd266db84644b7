package io.atspro.testing;

import java.time.Duration;
import redis.embedded.RedisServer;

/** A real redis-server (embedded-redis' binary) on a loopback port; it can be stopped and started again on that port. */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private RedisProcess(int port) {
        this.port = port;
    }

    public static RedisProcess start() {
        RedisProcess redis = new RedisProcess(FreePort.find());
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void startAgain() {
        if (server != null && server.isActive()) {
            return;
        }
        try {
            server = RedisServer.builder().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis-server did not start on port " + port, e);
        }
        FreePort.awaitListening(port, Duration.ofSeconds(10), "Redis");
    }

    public synchronized void stop() {
        if (server != null && server.isActive()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
