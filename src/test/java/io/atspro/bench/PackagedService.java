package io.atspro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app}) as the benchmarks start it: a child JVM on a loopback port,
 * its output in a log file, read from {@code /proc} while it runs.
 */
final class PackagedService {

    static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();

    private PackagedService() {
    }

    /** Starts {@code javaHome}'s java with {@code options}, {@code config} as system properties, in UTC. */
    static Process launch(String javaHome, List<String> options, Map<String, String> config, int port, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(options);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(APP.resolve("quarkus-run.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TZ", "UTC");
        return builder.start();
    }

    /** A number field of {@code /proc/PID/status} ({@code "VmRSS:"} in kB, {@code "Threads:"}), -1 if absent. */
    static long statusField(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** The 1, 5 and 15 minute load averages, or "?". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
