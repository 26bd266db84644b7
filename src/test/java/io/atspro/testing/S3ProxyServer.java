package io.atspro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 API (s3proxy) as a child {@code java -jar} process: its fat jar would clash with the test
 * classpath. The transient store lives in memory; the filesystem store survives restarts.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "atspro-access";
    public static final String SECRET_KEY = "atspro-secret-key";

    private final Path jar;
    private final Path workDir;
    private final Path propertiesFile;
    private final int port;
    private Process process;

    private S3ProxyServer(Path jar, Path workDir, Path propertiesFile, int port) {
        this.jar = jar;
        this.workDir = workDir;
        this.propertiesFile = propertiesFile;
        this.port = port;
    }

    /** Starts s3proxy from {@code jar}; {@code filesystemDir} null means the in-memory store. */
    public static S3ProxyServer start(Path jar, Path workDir, Path filesystemDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it there (mvn process-test-resources)");
        }
        int port = FreePort.find();
        try {
            Files.createDirectories(workDir);
            StringBuilder properties = new StringBuilder()
                    .append("s3proxy.endpoint=http://127.0.0.1:").append(port).append('\n')
                    .append("s3proxy.authorization=aws-v2-or-v4\n")
                    .append("s3proxy.identity=").append(ACCESS_KEY).append('\n')
                    .append("s3proxy.credential=").append(SECRET_KEY).append('\n')
                    .append("jclouds.identity=").append(ACCESS_KEY).append('\n')
                    .append("jclouds.credential=").append(SECRET_KEY).append('\n');
            if (filesystemDir == null) {
                properties.append("jclouds.provider=transient\n");
            } else {
                Files.createDirectories(filesystemDir);
                properties.append("jclouds.provider=filesystem\n")
                        .append("jclouds.filesystem.basedir=").append(filesystemDir.toAbsolutePath()).append('\n');
            }
            Path propertiesFile = workDir.resolve("s3proxy-" + port + ".properties");
            Files.writeString(propertiesFile, properties);
            S3ProxyServer server = new S3ProxyServer(jar, workDir, propertiesFile, port);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start", e);
        }
    }

    /**
     * Starts the process again on the same port after {@link #stop()}; a no-op while it runs. The in-memory
     * store starts empty: buckets and objects made before are gone.
     */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                    "--properties", propertiesFile.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("s3proxy-" + port + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start", e);
        }
        try {
            FreePort.awaitListening(port, Duration.ofSeconds(60), "s3proxy");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the process; {@link #startAgain()} brings it back on the same port. */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
