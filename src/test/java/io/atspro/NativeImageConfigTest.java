package io.atspro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the native image is built with, read from the native sources that
 * {@code ./mvnw package -Dnative -Dquarkus.native.sources-only=true} writes (CI runs this test after that build;
 * in a plain {@code ./mvnw verify} there are none and it is skipped): every type Jackson reads or writes outside
 * the REST layer, with every type nested in it, is registered for reflection, every file the code reads from
 * the class path is a resource of the image, and every Java class the JNI code of the embedding libraries (the ONNX
 * runtime, DJL's tokenizer) looks up by name is registered for JNI.
 */
class NativeImageConfigTest {

    /** Types handed to an ObjectMapper by the code (caches, JSONB columns, JSON patches, the SSE fan-out). */
    private static final List<Class<?>> JSON_ROOTS = List.of(
            io.atspro.resume.ResumeData.class,
            io.atspro.job.JobDetails.class,
            io.atspro.matching.MatchResult.class,
            io.atspro.recommendation.RecommendationViews.Ranked.class,
            io.atspro.notification.NotificationView.class,
            io.atspro.migration.ImportSummary.class,
            io.atspro.identity.Requests.ProfileUpdate.class,
            io.atspro.identity.Views.Me.class,
            io.atspro.application.ApplicationRequests.PatchApplication.class,
            io.atspro.analytics.DashboardViews.class,
            io.atspro.shared.Problem.class);

    /** Read by the embedding code (io.atspro.embedding) from the class path, under these names. */
    private static final List<String> EMBEDDING_RESOURCES = List.of(
            // AllMiniLmL6V2QuantizedEmbeddingModel, through the context class loader
            "all-minilm-l6-v2-q.onnx",
            "all-minilm-l6-v2-q-tokenizer.json",
            // HuggingFaceTokenCountEstimator: getResourceAsStream("/bert-tokenizer.json")
            "bert-tokenizer.json",
            // OnnxRuntime.extractFromResources: OnnxRuntime.class.getResourceAsStream("/ai/onnxruntime/native/"
            // + "linux-x64/" + mapLibraryName(...)), copied to a temporary directory and System.load-ed from there
            "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
            "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
            // DJL: Platform.detectPlatform("tokenizers") reads the properties, LibUtils copies the library to
            // DJL_CACHE_DIR and System.load-s it
            "native/lib/tokenizers.properties",
            "native/lib/linux-x86_64/cpu/libtokenizers.so");

    /** Where the JNI configuration of the embedding libraries is (src/main/resources, copied into the runner jar). */
    private static final String EMBEDDING_JNI_CONFIG =
            "META-INF/native-image/io.atspro/atspro-embeddings/jni-config.json";
    private static final String ORT_JNI = "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so";
    private static final String TOKENIZERS_JNI = "native/lib/linux-x86_64/cpu/libtokenizers.so";

    /**
     * What the JNI code of each library looks up, by class: the constructors it calls (GetMethodID "&lt;init&gt;" then
     * NewObject, or ThrowNew), none for a class only found (FindClass, NewObjectArray). onnxruntime 1.20.0:
     * java/src/main/native/OrtJniUtil.c, ai_onnxruntime_OrtSession.c (checked against the strings of the .so);
     * DJL tokenizers 0.36.0: extensions/tokenizers/rust/src/lib.rs (CharSpan, String arrays, errors thrown by
     * jni-rs as RuntimeException(String)) and the Rust engine's ThrowNew of EngineException and
     * UnsupportedOperationException.
     */
    private static final Map<String, Map<String, List<List<String>>>> JNI_LOOKUPS = Map.of(
            ORT_JNI, Map.ofEntries(
                    Map.entry("ai.onnxruntime.OrtException", List.of(List.of("int", "java.lang.String"))),
                    Map.entry("ai.onnxruntime.TensorInfo",
                            List.of(List.of("long[]", "java.lang.String[]", "int"))),
                    Map.entry("ai.onnxruntime.MapInfo", List.of(List.of("int", "int", "int"))),
                    Map.entry("ai.onnxruntime.SequenceInfo",
                            List.of(List.of("int", "int"), List.of("int", "ai.onnxruntime.MapInfo"))),
                    Map.entry("ai.onnxruntime.OnnxTensor",
                            List.of(List.of("long", "long", "ai.onnxruntime.TensorInfo"))),
                    Map.entry("ai.onnxruntime.OnnxSparseTensor",
                            List.of(List.of("long", "long", "int", "ai.onnxruntime.TensorInfo"))),
                    Map.entry("ai.onnxruntime.OnnxMap", List.of(List.of("long", "long", "ai.onnxruntime.MapInfo"))),
                    Map.entry("ai.onnxruntime.OnnxSequence",
                            List.of(List.of("long", "long", "ai.onnxruntime.SequenceInfo"))),
                    Map.entry("ai.onnxruntime.NodeInfo",
                            List.of(List.of("java.lang.String", "ai.onnxruntime.ValueInfo"))),
                    Map.entry("ai.onnxruntime.OnnxModelMetadata", List.of(List.of("java.lang.String",
                            "java.lang.String", "java.lang.String", "java.lang.String", "java.lang.String", "long",
                            "java.lang.String[]"))),
                    Map.entry("ai.onnxruntime.OnnxValue", List.of()),
                    Map.entry("java.lang.String", List.of())),
            TOKENIZERS_JNI, Map.of(
                    "ai.djl.huggingface.tokenizers.jni.CharSpan", List.of(List.of("int", "int")),
                    "java.lang.RuntimeException", List.of(List.of("java.lang.String")),
                    "java.lang.UnsupportedOperationException", List.of(List.of("java.lang.String")),
                    "ai.djl.engine.EngineException", List.of(List.of("java.lang.String")),
                    "java.lang.String", List.of()));

    private static Set<String> reflective;
    private static List<Pattern> resources;
    /** JNI registrations of the image: class name to its registered constructors (parameter type names). */
    private static Map<String, Set<List<String>>> jni;
    /** Classes registered for JNI with all their constructors. */
    private static Set<String> jniAllConstructors;
    private static Set<String> jniConfigFiles;

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
            // native-image reads every META-INF/native-image/**/jni-config.json of the class path: Quarkus's own (if
            // an extension registers anything) and the application's, which the runner jar holds like any resource
            jni = new HashMap<>();
            jniAllConstructors = new HashSet<>();
            jniConfigFiles = new TreeSet<>();
            for (ZipEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.startsWith("META-INF/native-image/") || !name.endsWith("jni-config.json")) {
                    continue;
                }
                jniConfigFiles.add(name);
                try (InputStream in = jar.getInputStream(entry)) {
                    for (JsonNode type : json.readTree(in)) {
                        Set<List<String>> constructors = jni.computeIfAbsent(type.path("name").asText(),
                                k -> new HashSet<>());
                        if (type.path("allDeclaredConstructors").asBoolean()
                                || type.path("allPublicConstructors").asBoolean()) {
                            jniAllConstructors.add(type.path("name").asText());
                        }
                        for (JsonNode method : type.path("methods")) {
                            if (method.path("name").asText().equals("<init>")) {
                                List<String> parameters = new java.util.ArrayList<>();
                                method.path("parameterTypes").forEach(p -> parameters.add(p.asText()));
                                constructors.add(parameters);
                            }
                        }
                    }
                }
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
                    // read by Quarkus or native-image at build time, or by Keycloak (the demo realm), not by the image
                    .filter(name -> !name.equals("application.properties") && !name.startsWith("keycloak/")
                            && !name.startsWith("META-INF/native-image/"))
                    .toList();
        }
        assertThat(needed).contains("matching/skills.txt", "db/migration/V1__identity.sql");
        assertThat(needed).allSatisfy(name -> assertThat(resources).as("a resource pattern of the image for " + name)
                .anyMatch(pattern -> pattern.matcher(name).matches()));
    }

    @Test
    void theEmbeddingModelAndTheNativeLibrariesItLoadsAreResourcesOfTheImage() {
        ClassLoader classPath = NativeImageConfigTest.class.getClassLoader();
        assertThat(EMBEDDING_RESOURCES).allSatisfy(name -> {
            assertThat(classPath.getResource(name)).as(name + " on the class path (the jars' layout changed?)")
                    .isNotNull();
            assertThat(resources).as("a resource pattern of the image for " + name)
                    .anyMatch(pattern -> pattern.matcher(name).matches());
        });
    }

    @Test
    void everyJavaClassTheJniCodeOfTheEmbeddingLibrariesLooksUpIsRegisteredForJni() throws Exception {
        assertThat(jniConfigFiles).as("JNI configuration files in the runner jar").contains(EMBEDDING_JNI_CONFIG);
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Set<String>> unregistered = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<List<String>>>> library : JNI_LOOKUPS.entrySet()) {
            byte[] code = library(library.getKey());
            for (Map.Entry<String, List<List<String>>> lookup : library.getValue().entrySet()) {
                String type = lookup.getKey();
                Set<String> problems = new TreeSet<>();
                if (!jni.containsKey(type)) {
                    problems.add("class not registered");
                }
                Class<?> loaded = Class.forName(type, false, NativeImageConfigTest.class.getClassLoader());
                for (List<String> parameters : lookup.getValue()) {
                    String descriptor = descriptor(parameters);
                    // the expectation is about the real library and the real class, not a guess
                    assertThat(contains(code, descriptor.getBytes(StandardCharsets.US_ASCII)))
                            .as(library.getKey() + " asks for the constructor " + type + descriptor).isTrue();
                    assertThat(loaded.getDeclaredConstructor(parameters.stream().map(NativeImageConfigTest::type)
                            .toArray(Class<?>[]::new))).as(type + descriptor).isNotNull();
                    if (!jniAllConstructors.contains(type)
                            && !jni.getOrDefault(type, Set.of()).contains(parameters)) {
                        problems.add("constructor " + descriptor + " not registered");
                    }
                }
                if (!problems.isEmpty()) {
                    missing.put(type, problems);
                }
            }
            // and nothing else: every class name in the library's strings (not inside a signature) is registered
            Set<String> strays = new TreeSet<>();
            int names = 0;
            for (String prefix : List.of("ai/onnxruntime/", "ai/djl/", "java/")) {
                byte[] wanted = prefix.getBytes(StandardCharsets.US_ASCII);
                for (int at = indexOf(code, wanted, 0); at >= 0; at = indexOf(code, wanted, at + 1)) {
                    if (at > 0 && code[at - 1] == 'L') {
                        continue; // a type in a method signature ("(ILjava/lang/String;)V"), not a class looked up
                    }
                    names++;
                    int from = at;
                    // Rust packs its strings without separators: the class name is a prefix of what follows
                    if (jni.keySet().stream().filter(name -> !name.startsWith("["))
                            .noneMatch(name -> startsWith(code, from, name.replace('.', '/')))) {
                        strays.add(printable(code, at, 60));
                    }
                }
            }
            assertThat(names).as("class names found in " + library.getKey()).isGreaterThanOrEqualTo(3);
            if (!strays.isEmpty()) {
                unregistered.put(library.getKey(), strays);
            }
        }
        assertThat(missing).as("JNI lookups of the embedding libraries missing from " + EMBEDDING_JNI_CONFIG)
                .isEmpty();
        assertThat(unregistered).as("class names in the embedding libraries' JNI code (a new version?) not registered "
                + "for JNI: add them to " + EMBEDDING_JNI_CONFIG + " and JNI_LOOKUPS").isEmpty();
    }

    private static final Map<String, byte[]> LIBRARIES = new HashMap<>();

    private static byte[] library(String name) {
        return LIBRARIES.computeIfAbsent(name, n -> {
            try (InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(n)) {
                assertThat(in).as(n + " on the class path").isNotNull();
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The JNI signature of a constructor: "(I[Ljava/lang/String;)V". */
    private static String descriptor(List<String> parameters) {
        StringBuilder out = new StringBuilder("(");
        for (String parameter : parameters) {
            String name = parameter;
            while (name.endsWith("[]")) {
                out.append('[');
                name = name.substring(0, name.length() - 2);
            }
            out.append(switch (name) {
                case "int" -> "I";
                case "long" -> "J";
                case "boolean" -> "Z";
                case "float" -> "F";
                case "double" -> "D";
                default -> "L" + name.replace('.', '/') + ";";
            });
        }
        return out.append(")V").toString();
    }

    private static Class<?> type(String name) {
        if (name.endsWith("[]")) {
            return type(name.substring(0, name.length() - 2)).arrayType();
        }
        switch (name) {
            case "int":
                return int.class;
            case "long":
                return long.class;
            case "boolean":
                return boolean.class;
            case "float":
                return float.class;
            case "double":
                return double.class;
            default:
                try {
                    return Class.forName(name, false, NativeImageConfigTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
        }
    }

    private static boolean contains(byte[] code, byte[] wanted) {
        return indexOf(code, wanted, 0) >= 0;
    }

    private static int indexOf(byte[] code, byte[] wanted, int from) {
        outer:
        for (int i = from; i <= code.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (code[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] code, int at, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        if (at + wanted.length > code.length) {
            return false;
        }
        for (int j = 0; j < wanted.length; j++) {
            if (code[at + j] != wanted[j]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(byte[] code, int at, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = at; i < Math.min(code.length, at + length); i++) {
            out.append(code[i] >= 0x20 && code[i] < 0x7f ? (char) code[i] : '.');
        }
        return out.toString();
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
