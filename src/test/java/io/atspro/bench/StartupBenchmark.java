package io.atspro.bench;

import io.atspro.testing.ChildProcesses;
import io.atspro.testing.FreePort;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the packaged service ({@code ./mvnw -Pstartup-bench}): the time from launching the process to its
 * first authenticated {@code 200} of {@code GET /api/v1/me}, and the process's RSS at that moment, for the plain
 * JVM on JDK 17 and JDK 25, JDK 17 with an AppCDS archive and JDK 25 with a Leyden AOT cache (JEP 483/514/515).
 *
 * <p>The archive and the cache are trained here the way the build would in production: the packaged service is
 * started against the same PostgreSQL, Redis, S3 and OIDC provider with the recording flag, serves a short
 * workload over the API and is stopped with SIGTERM, which writes the file. The database is migrated and the
 * user exists before any timed start, as in a pod that scales up from zero; like a pod, the timed starts neither
 * migrate nor check the schema (the migrate Job does, once per release).
 *
 * <p>Arguments: {@code runs=N} (timed starts per variant, default 5), {@code only=name,...} (variants to run),
 * {@code extra=-Dkey=value,...} (more JVM options for the timed starts), {@code keep} (use an archive or cache
 * already trained for this package instead of training again).
 * The report goes to {@code target/startup-benchmark.md}.
 */
public final class StartupBenchmark {

    private static final Path APP = PackagedService.APP;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    /** A way to start the service; {@code trainOption} writes the file that {@code options} then read. */
    record Variant(String name, String javaHome, List<String> options, String trainOption, List<String> shared) {
        Variant(String name, String javaHome, List<String> options, String trainOption) {
            this(name, javaHome, options, trainOption, List.of());
        }
    }

    record Sample(double millis, long rssKb, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        List<String> only = List.of();
        List<String> extra = List.of();
        boolean keep = false;
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.startsWith("runs=")) {
                runs = Integer.parseInt(arg.substring(5));
            } else if (arg.startsWith("only=")) {
                only = Arrays.asList(arg.substring(5).split(","));
            } else if (arg.equals("keep")) {
                keep = true;
            } else if (arg.startsWith("extra=")) {
                extra = Arrays.asList(arg.substring(6).split(",(?=-)")); // a comma before the next option
            }
        }
        String jdk17 = System.getProperty("startup.jdk17", "/usr/lib/jvm/java-17-openjdk-amd64");
        String jdk25 = System.getProperty("startup.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path cds = APP.resolve("app-cds-17.jsa");
        Path aot = APP.resolve("app.aot");
        Path aotC1 = APP.resolve("app-c1-serial.aot");
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("JDK 17", jdk17, List.of(), null),
                new Variant("JDK 25", jdk25, List.of(), null),
                new Variant("JDK 17 + AppCDS", jdk17, List.of("-XX:SharedArchiveFile=" + cds),
                        "-XX:ArchiveClassesAtExit=" + cds),
                new Variant("JDK 25 + AOT cache", jdk25, List.of("-XX:AOTCache=" + aot),
                        "-XX:AOTCacheOutput=" + aot),
                // the JIT and GC threads compete with the start for two cores: C1 only, one GC thread; a start
                // allocates ~210 MB, so a 256 MB young generation takes it without a collection, and the code cache
                // threshold is raised so that C1's output does not trigger a full collection (-Xlog:gc showed both)
                new Variant("JDK 25 + AOT cache + C1 + Serial GC", jdk25, List.of("-XX:AOTCache=" + aotC1),
                        "-XX:AOTCacheOutput=" + aotC1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                                "-Xmn256m", "-XX:SweeperThreshold=60"))));
        if (!only.isEmpty()) {
            List<String> wanted = only;
            variants.removeIf(v -> wanted.stream().noneMatch(w -> normalized(v.name()).equals(normalized(w))));
        }

        TestStack stack = TestStack.get();
        Tokens identity = Tokens.user().subject("startup-bench").email("startup-bench@example.com");
        String token = identity.lifetimeSeconds(6 * 3600).token();
        int port = FreePort.find();
        // the timed and training starts run as a pod does (kubernetes/base/configmap.yaml): the migrate Job owns
        // Flyway and the schema, so neither runs at start. The first start below migrates.
        Map<String, String> pod = new LinkedHashMap<>(stack.config());
        pod.put("quarkus.flyway.migrate-at-start", "false");
        pod.put("quarkus.hibernate-orm.schema-management.strategy", "none");

        // first start: migrates the schema and creates the user (not timed)
        try (App app = App.start(jdk17, List.of(), stack.config(), port, "migrate")) {
            app.awaitAuthenticatedOk(token, Duration.ofSeconds(120));
        }

        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average at the start: ")
                .append(PackagedService.loadAverage()).append("\n\n");
        report.append("| variant | start → first authenticated 200 (median, min–max of ").append(runs)
                .append(") | RSS then (median) | CPU time used by then (median) |\n| --- | --- | --- | --- |\n");
        for (Variant variant : variants) {
            if (variant.trainOption() != null && !(keep && trainedForThisPackage(variant))) {
                train(variant, pod, extra, port, token);
            }
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                List<String> options = new ArrayList<>(variant.shared());
                options.addAll(variant.options());
                options.addAll(extra);
                try (App app = App.start(variant.javaHome(), options, pod, port, "run" + i)) {
                    double millis = app.awaitAuthenticatedOk(token, Duration.ofSeconds(120));
                    samples.add(new Sample(millis, app.rssKb(), app.cpuMillis()));
                }
                System.out.printf(Locale.ROOT, "%s run %d: %.0f ms, RSS %d MB, CPU %d ms%n", variant.name(), i + 1,
                        samples.get(i).millis(), samples.get(i).rssKb() / 1024, samples.get(i).cpuMillis());
            }
            double[] ms = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
            long[] rss = samples.stream().mapToLong(Sample::rssKb).sorted().toArray();
            long[] cpu = samples.stream().mapToLong(Sample::cpuMillis).sorted().toArray();
            String line = String.format(Locale.ROOT, "| %s | %.0f ms (%.0f–%.0f) | %d MB | %d ms |", variant.name(),
                    ms[ms.length / 2], ms[0], ms[ms.length - 1], rss[rss.length / 2] / 1024, cpu[cpu.length / 2]);
            System.out.println(line);
            report.append(line).append('\n');
        }
        report.append("\nLoad average at the end: ").append(PackagedService.loadAverage()).append('\n');
        Path out = Path.of("target", "startup-benchmark.md");
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("Report: " + out.toAbsolutePath());
        System.exit(0);
    }

    /** Starts the service with the recording flag, runs a workload over the API, stops it: the file is written. */
    private static void train(Variant variant, Map<String, String> config, List<String> extra, int port, String token)
            throws Exception {
        Path file = trained(variant);
        Files.deleteIfExists(file);
        long started = System.nanoTime();
        List<String> options = new ArrayList<>(variant.shared());
        options.addAll(extra);
        options.add(variant.trainOption());
        try (App app = App.start(variant.javaHome(), options, config, port, "train")) {
            app.awaitAuthenticatedOk(token, Duration.ofSeconds(180));
            TrainingWorkload.run(URI.create("http://127.0.0.1:" + port), token);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Training did not write " + file);
        }
        System.out.printf(Locale.ROOT, "%s: trained %s (%d MB) in %d s%n", variant.name(), file.getFileName(),
                Files.size(file) / (1024 * 1024), (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** "JDK 25 + AOT cache + C1" → "jdk25aotcachec1": {@code only=jdk25+aotcache+c1} picks it. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }


    private static boolean trainedForThisPackage(Variant variant) throws IOException {
        Path file = trained(variant);
        return Files.isRegularFile(file) && Files.getLastModifiedTime(file)
                .compareTo(Files.getLastModifiedTime(APP.resolve("quarkus-run.jar"))) > 0;
    }

    private static Path trained(Variant variant) {
        return Path.of(variant.trainOption().substring(variant.trainOption().indexOf('=') + 1));
    }

    /** One packaged service process. */
    static final class App implements AutoCloseable {
        private final Process process;
        private final long started;
        private final int port;
        private final Path log;

        private App(Process process, long started, int port, Path log) {
            this.process = process;
            this.started = started;
            this.port = port;
            this.log = log;
        }

        static App start(String javaHome, List<String> options, Map<String, String> config, int port, String name)
                throws IOException {
            Path log = Path.of("target", "startup-bench-" + name + ".log");
            long started = System.nanoTime();
            return new App(PackagedService.launch(javaHome, options, config, port, log), started, port, log);
        }

        /** Polls {@code GET /api/v1/me} every 5 ms; the milliseconds from launch to its first 200. */
        double awaitAuthenticatedOk(String token, Duration timeout) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            long deadline = started + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The service exited:\n" + Files.readString(log));
                }
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e6;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException("GET /api/v1/me answered " + response.statusCode() + ": "
                                + response.body());
                    }
                } catch (IOException notYetListening) {
                    // connection refused: not listening yet
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("No authenticated 200 within " + timeout + ":\n" + Files.readString(log));
        }

        /** User + system CPU time of the process so far (clock ticks of /proc/PID/stat, 100 per second). */
        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }

        long rssKb() throws IOException {
            return PackagedService.statusField(process.pid(), "VmRSS:");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: a graceful stop, during which the JVM writes an AOT cache or archive
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                ChildProcesses.stop(process, Duration.ofSeconds(5));
            }
        }
    }
}
