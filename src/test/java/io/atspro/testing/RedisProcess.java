package io.atspro.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Redis keeps running with its data but refuses every command of the default user (the one the service
     * uses): to the service it is as unreachable as a partitioned or failing-over Redis, and what it cached
     * is still there when {@link #acceptCommands()} lets it back in.
     */
    public void refuseCommands() {
        resp(null, "ACL SETUSER " + RESCUE_USER + " on nopass +@all ~* &*", "ACL SETUSER default -@all");
    }

    /** Undoes {@link #refuseCommands()}. */
    public void acceptCommands() {
        resp(RESCUE_USER, "ACL SETUSER default +@all");
    }

    private static final String RESCUE_USER = "faults-rescue";

    /** Inline commands over a plain socket, each expected to answer +OK. */
    private void resp(String user, String... commands) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> all = new ArrayList<>();
            if (user != null) {
                all.add("AUTH " + user + " any");
            }
            all.addAll(List.of(commands));
            for (String command : all) {
                out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                if (!"+OK".equals(reply)) {
                    throw new IllegalStateException("Redis answered " + reply + " to " + command);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
