package io.atspro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the native image is built with, read from the native sources that
 * {@code ./mvnw package -Dnative -Dquarkus.native.sources-only=true} writes (CI runs this test after that build;
 * in a plain {@code ./mvnw verify} there are none and it is skipped): every type Jackson reads or writes outside
 * the REST layer, with every type nested in it, is registered for reflection, and every file the code reads from
 * the class path is a resource of the image.
 */
class NativeImageConfigTest {

    /** Types handed to an ObjectMapper by the code (caches, JSONB columns, JSON patches, the SSE fan-out). */
    private static final List<Class<?>> JSON_ROOTS = List.of(
            io.atspro.resume.ResumeData.class,
            io.atspro.job.JobDetails.class,
            io.atspro.matching.MatchResult.class,
            io.atspro.notification.NotificationView.class,
            io.atspro.migration.ImportSummary.class,
            io.atspro.identity.Requests.ProfileUpdate.class,
            io.atspro.identity.Views.Me.class,
            io.atspro.application.ApplicationRequests.PatchApplication.class,
            io.atspro.analytics.DashboardViews.class,
            io.atspro.shared.Problem.class);

    private static Set<String> reflective;
    private static List<Pattern> resources;

    @BeforeAll
    static void readNativeSources() throws IOException {
        Path dir = Path.of("target", "native-sources");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no native sources: run ./mvnw package -Dnative "
                + "-Dquarkus.native.sources-only=true first");
        Path runner;
        try (Stream<Path> files = Files.list(dir)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            reflective = new HashSet<>();
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json"))) {
                json.readTree(in).forEach(entry -> reflective.add(entry.path("name").asText()));
            }
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/resource-config.json"))) {
                JsonNode includes = json.readTree(in).path("resources").path("includes");
                resources = new java.util.ArrayList<>();
                includes.forEach(include -> resources.add(Pattern.compile(include.path("pattern").asText())));
            }
        }
    }

    @Test
    void everyTypeJacksonHandlesOutsideRestIsRegisteredWithItsNestedTypes() {
        Set<String> missing = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(JSON_ROOTS);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.getName().startsWith("io.atspro.") || !seen.add(type)) {
                continue;
            }
            if (!reflective.contains(type.getName())) {
                missing.add(type.getName());
            }
            todo.addAll(List.of(type.getDeclaredClasses()));
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    collect(component.getGenericType(), todo);
                }
            }
        }
        assertThat(missing).as("types Jackson needs by reflection in the native image, not registered").isEmpty();
        assertThat(seen).as("the walk reached the nested types").hasSizeGreaterThan(JSON_ROOTS.size() + 10);
    }

    @Test
    void everyFileTheCodeReadsFromTheClassPathIsInTheImage() throws IOException {
        Path root = Path.of("src", "main", "resources");
        List<String> needed;
        try (Stream<Path> files = Files.walk(root)) {
            needed = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    // read by Quarkus at build time, or by Keycloak (the demo realm), not by the image
                    .filter(name -> !name.equals("application.properties") && !name.startsWith("keycloak/"))
                    .toList();
        }
        assertThat(needed).contains("matching/skills.txt", "db/migration/V1__identity.sql");
        assertThat(needed).allSatisfy(name -> assertThat(resources).as("a resource pattern of the image for " + name)
                .anyMatch(pattern -> pattern.matcher(name).matches()));
    }

    private static void collect(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            todo.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, todo);
            }
        }
    }
}
