package io.atspro.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that starts the packaged service the end-to-end tests run beside the suite's own: the native
 * executable when the build made one ({@code ./mvnw verify -Dnative}, where GraalVM exists), else the JVM jar.
 */
public final class PackagedApp {

    private PackagedApp() {
    }

    /** True in a {@code -Dnative} build: failsafe passes {@code atspro.it.native}. */
    public static boolean nativeImage() {
        return Boolean.getBoolean("atspro.it.native");
    }

    /** The command line, with {@code config} as system properties and a JVM heap of {@code jvmHeap} on the JVM. */
    public static List<String> command(Map<String, String> config, String jvmHeap) {
        List<String> command = new ArrayList<>();
        if (nativeImage()) {
            command.add(Path.of(System.getProperty("native.image.path")).toAbsolutePath().toString());
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + jvmHeap);
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        }
        return command;
    }
}
