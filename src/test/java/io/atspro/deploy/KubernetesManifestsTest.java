package io.atspro.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.deploy.Kustomize.Resource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under {@code kubernetes/}, parsed with the fabric8 Kubernetes model and rendered per overlay the way
 * kustomize does ({@link Kustomize}), checked against the application: its port, health paths, environment
 * variables, admin trigger routes. Plain JUnit: no cluster, no Quarkus. Failures name the file and the field.
 */
class KubernetesManifestsTest {

    private static final java.nio.file.Path ROOT = java.nio.file.Path.of("kubernetes");
    private static final java.nio.file.Path PROPERTIES = java.nio.file.Path.of("src/main/resources/application.properties");
    private static final java.nio.file.Path README = java.nio.file.Path.of("README.md");
    private static final String APP = "atspro";
    private static final String CONFIG_MAP = "atspro-config";
    private static final String SECRET = "atspro-secrets";
    private static final String IN_PROCESS = "ATSPRO_JOBS_IN_PROCESS";
    /** The app's shutdown timeout when application.properties sets none (quarkus.shutdown.timeout, planned 25s). */
    private static final ObjectMapper MODEL = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    /** For pod specs: Knative's extra fields were checked by the strict parse already. */
    private static final ObjectMapper LENIENT = new ObjectMapper();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(ATSPRO_[A-Z0-9_]+)");

    // ---------------------------------------------------------------- every document

    static Stream<java.nio.file.Path> yamlFiles() throws IOException {
        return Files.walk(ROOT).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted();
    }

    @Test
    void everyDocumentParsesAsAKnownKindWithoutUnknownFields() throws IOException {
        List<String> problems = new ArrayList<>();
        List<java.nio.file.Path> files = yamlFiles().toList();
        assertThat(files).as("YAML files under " + ROOT).isNotEmpty();
        for (java.nio.file.Path file : files) {
            List<ObjectNode> docs = Kustomize.documents(file);
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue; // checked field by field by the renderer
            }
            for (int i = 0; i < docs.size(); i++) {
                ObjectNode doc = docs.get(i).deepCopy();
                doc.remove("$patch");
                String where = file + " (document " + (i + 1) + ", " + doc.path("kind").asText() + "/"
                        + doc.path("metadata").path("name").asText() + ")";
                try {
                    KubernetesResource parsed = MODEL.treeToValue(doc, KubernetesResource.class);
                    if (parsed == null || parsed instanceof GenericKubernetesResource) {
                        problems.add(where + ": apiVersion/kind " + doc.path("apiVersion").asText() + " "
                                + doc.path("kind").asText() + " is not a kind the model knows");
                    } else {
                        unknownFields(parsed, "", new IdentityHashMap<>())
                                .forEach(field -> problems.add(where + ": unknown field " + field));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(where + ": does not parse: " + e.getMessage());
                }
                if (doc.path("kind").asText().equals("ConfigMap")) {
                    doc.path("data").fields().forEachRemaining(e -> {
                        if (!e.getValue().isTextual()) {
                            problems.add(where + ": data." + e.getKey() + " must be a string (quote it)");
                        }
                    });
                }
            }
        }
        assertThat(problems).as("manifest problems").isEmpty();
    }

    /** Fields the model did not map (typos, wrong nesting) land in additionalProperties: find them all. */
    private static List<String> unknownFields(Object value, String path, Map<Object, Boolean> seen) {
        List<String> found = new ArrayList<>();
        if (value == null || seen.put(value, true) != null) {
            return found;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                found.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
            }
            return found;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> found.addAll(unknownFields(v, path + "." + k, seen)));
            return found;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.") || value instanceof Quantity
                || value instanceof IntOrString) {
            return found;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(k -> found.add((path.isEmpty() ? "" : path + ".") + k));
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                found.addAll(unknownFields(child, path.isEmpty() ? field : path + "." + field, seen));
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- each overlay, rendered

    /** One rendered kustomization, with the pieces the checks look at. */
    record Rendered(String name, List<Resource> resources) {

        private static final Map<String, Rendered> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        /** The overlay rendered once per test run (the checks only read it). */
        static Rendered of(String dir) {
            return CACHE.computeIfAbsent(dir, d -> new Rendered(d, Kustomize.render(ROOT.resolve(d))));
        }

        List<Resource> ofKind(String kind) {
            return resources.stream().filter(r -> r.kind().equals(kind)).toList();
        }

        Optional<Resource> find(String kind, String name) {
            return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
        }

        /** The service's workload: the Deployment, or the Knative Service. */
        Resource workload() {
            List<Resource> workloads = resources.stream()
                    .filter(r -> r.name().equals(APP) && (r.kind().equals("Deployment")
                            || (r.kind().equals("Service") && r.apiVersion().startsWith("serving.knative.dev/"))))
                    .toList();
            assertThat(workloads).as(name + ": exactly one Deployment or Knative Service named " + APP).hasSize(1);
            return workloads.get(0);
        }

        boolean knative() {
            return workload().apiVersion().startsWith("serving.knative.dev/");
        }

        Map<String, String> data(String kind, String name, String field) {
            Resource r = find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
            Map<String, String> data = new LinkedHashMap<>();
            r.node().path(field).fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
            return data;
        }

        Map<String, String> config() {
            return data("ConfigMap", CONFIG_MAP, "data");
        }

        Map<String, String> secret() {
            return data("Secret", SECRET, "stringData");
        }
    }

    /** A pod spec of a rendered resource (Deployment, Knative Service, CronJob), read as a core PodSpec. */
    record Pod(Resource owner, String field, PodSpec spec, JsonNode labels) {

        String where() {
            return owner.file() + " " + owner.kind() + "/" + owner.name() + " " + field;
        }
    }

    static List<Pod> pods(Rendered rendered) {
        List<Pod> pods = new ArrayList<>();
        for (Resource r : rendered.resources()) {
            JsonNode template = switch (r.kind()) {
                case "Deployment" -> r.node().path("spec").path("template");
                case "CronJob" -> r.node().path("spec").path("jobTemplate").path("spec").path("template");
                case "Service" -> r.apiVersion().startsWith("serving.knative.dev/")
                        ? r.node().path("spec").path("template") : null;
                default -> null;
            };
            if (template != null) {
                String field = r.kind().equals("CronJob") ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec";
                pods.add(new Pod(r, field, podSpec(template.path("spec")), template.path("metadata").path("labels")));
            }
        }
        return pods;
    }

    private static PodSpec podSpec(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        // Knative's RevisionSpec adds these to a pod spec
        copy.remove(List.of("timeoutSeconds", "containerConcurrency", "idleTimeoutSeconds", "responseStartTimeoutSeconds"));
        try {
            return LENIENT.treeToValue(copy, PodSpec.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Container app(Pod pod) {
        return pod.spec().getContainers().stream().filter(c -> c.getName().equals(APP)).findFirst()
                .orElseThrow(() -> new AssertionError(pod.where() + ".containers: no container named " + APP));
    }

    static Properties properties() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            p.load(in);
        }
        return p;
    }

    static int httpPort() throws IOException {
        return Integer.parseInt(properties().getProperty("quarkus.http.port", "8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/knative"})
    void theServiceHasItsProbesPortResourcesAndSecurity(String dir) throws IOException {
        Rendered rendered = Rendered.of(dir);
        Resource workload = rendered.workload();
        Pod pod = pods(rendered).stream().filter(p -> p.owner() == workload).findFirst().orElseThrow();
        Container app = app(pod);
        String where = pod.where() + ".containers[" + APP + "]";
        int port = httpPort();

        assertThat(app.getPorts()).as(where + ".ports: one port, the container port of quarkus.http.port " + port)
                .hasSize(1);
        assertThat(app.getPorts().get(0).getContainerPort()).as(where + ".ports[0].containerPort").isEqualTo(port);
        String portName = app.getPorts().get(0).getName();

        probe(where + ".startupProbe", app.getStartupProbe(), "/q/health/started", port, portName);
        probe(where + ".livenessProbe", app.getLivenessProbe(), "/q/health/live", port, portName);
        probe(where + ".readinessProbe", app.getReadinessProbe(), "/q/health/ready", port, portName);

        if (!rendered.knative()) {
            Resource service = rendered.find("Service", APP)
                    .orElseThrow(() -> new AssertionError(dir + ": no Service " + APP));
            JsonNode target = service.node().path("spec").path("ports").path(0).path("targetPort");
            assertThat(target.isInt() ? String.valueOf(target.asInt()) : target.asText())
                    .as(service.file() + " Service/" + APP + " spec.ports[0].targetPort")
                    .isIn(String.valueOf(port), portName);
            selects(service.file() + " Service/" + APP + " spec.selector", service.node().path("spec").path("selector"),
                    pod);
            long grace = pod.spec().getTerminationGracePeriodSeconds() == null ? 30
                    : pod.spec().getTerminationGracePeriodSeconds();
            Map<String, String> config = rendered.data("ConfigMap", CONFIG_MAP, "data");
            Duration budget = duration(config.getOrDefault("ATSPRO_SHUTDOWN_DELAY", "3S"))
                    .plus(duration(config.getOrDefault("ATSPRO_SHUTDOWN_TIMEOUT", "15S")))
                    .plus(duration(config.getOrDefault("ATSPRO_TASKS_SHUTDOWN_GRACE", "10S")));
            assertThat(grace).as(pod.where() + ".terminationGracePeriodSeconds >= ATSPRO_SHUTDOWN_DELAY (readiness "
                    + "down) + ATSPRO_SHUTDOWN_TIMEOUT (requests) + ATSPRO_TASKS_SHUTDOWN_GRACE (tasks) = " + budget)
                    .isGreaterThanOrEqualTo(budget.toSeconds());
        }
        for (Resource pdb : rendered.ofKind("PodDisruptionBudget")) {
            selects(pdb.file() + " PodDisruptionBudget/" + pdb.name() + " spec.selector.matchLabels",
                    pdb.node().path("spec").path("selector").path("matchLabels"), pod);
        }
        for (Resource policy : rendered.ofKind("NetworkPolicy")) {
            selects(policy.file() + " NetworkPolicy/" + policy.name() + " spec.podSelector.matchLabels",
                    policy.node().path("spec").path("podSelector").path("matchLabels"), pod);
            List<Integer> ports = new ArrayList<>();
            policy.node().path("spec").path("ingress").forEach(rule -> rule.path("ports")
                    .forEach(p -> ports.add(p.path("port").asInt())));
            assertThat(ports).as(policy.file() + " NetworkPolicy ingress ports").isNotEmpty();
            if (!rendered.knative()) {
                assertThat(ports).as(policy.file() + " NetworkPolicy: ingress on the HTTP port only").containsOnly(port);
            }
            List<Integer> egress = new ArrayList<>();
            policy.node().path("spec").path("egress").forEach(rule -> rule.path("ports")
                    .forEach(p -> egress.add(p.path("port").asInt())));
            assertThat(egress).as(policy.file() + " NetworkPolicy egress: DNS, PostgreSQL, Redis, HTTPS")
                    .contains(53, 5432, 6379, 443);
        }
        for (Resource hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.node().path("spec").path("scaleTargetRef").path("name").asText())
                    .as(hpa.file() + " HorizontalPodAutoscaler spec.scaleTargetRef.name").isEqualTo(workload.name());
            assertThat(hpa.node().path("spec").path("scaleTargetRef").path("kind").asText())
                    .as(hpa.file() + " HorizontalPodAutoscaler spec.scaleTargetRef.kind").isEqualTo(workload.kind());
        }
    }

    private static Duration duration(String value) {
        String v = value.strip().toUpperCase();
        return Duration.parse(v.startsWith("P") ? v : "PT" + v);
    }

    private static void probe(String where, Probe probe, String path, int port, String portName) {
        assertThat(probe).as(where).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(where + ".httpGet").isNotNull();
        assertThat(get.getPath()).as(where + ".httpGet.path").isEqualTo(path);
        if (get.getPort() != null) {
            IntOrString p = get.getPort();
            assertThat(p.getIntVal() != null ? String.valueOf(p.getIntVal()) : p.getStrVal())
                    .as(where + ".httpGet.port").isIn(String.valueOf(port), portName);
        }
    }

    private static void selects(String where, JsonNode selector, Pod pod) {
        assertThat(selector.size()).as(where + " is empty").isPositive();
        selector.fields().forEachRemaining(e -> assertThat(pod.labels().path(e.getKey()).asText())
                .as(where + "." + e.getKey() + " against the labels of " + pod.where())
                .isEqualTo(e.getValue().asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/knative"})
    void everyContainerHasResourcesRunsAsNonRootOnAReadOnlyRootWithAWritableTmp(String dir) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods(Rendered.of(dir))) {
            for (Container c : pod.spec().getContainers()) {
                String where = pod.where() + ".containers[" + c.getName() + "]";
                var resources = c.getResources();
                if (resources == null || resources.getRequests() == null || resources.getLimits() == null) {
                    problems.add(where + ".resources: requests and limits are required");
                } else {
                    for (String r : List.of("cpu", "memory")) {
                        if (!resources.getRequests().containsKey(r)) {
                            problems.add(where + ".resources.requests." + r + " missing");
                        }
                    }
                    if (!resources.getLimits().containsKey("memory")) {
                        problems.add(where + ".resources.limits.memory missing");
                    }
                }
                var pc = pod.spec().getSecurityContext();
                var sc = c.getSecurityContext();
                boolean nonRoot = (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()))
                        || (pc != null && Boolean.TRUE.equals(pc.getRunAsNonRoot()));
                if (!nonRoot) {
                    problems.add(where + ".securityContext.runAsNonRoot (or the pod's) must be true");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + ".securityContext.readOnlyRootFilesystem must be true");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + ".securityContext.allowPrivilegeEscalation must be false");
                }
                if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ".securityContext.capabilities.drop must contain ALL");
                }
                boolean seccomp = (sc != null && sc.getSeccompProfile() != null
                        && "RuntimeDefault".equals(sc.getSeccompProfile().getType()))
                        || (pc != null && pc.getSeccompProfile() != null
                        && "RuntimeDefault".equals(pc.getSeccompProfile().getType()));
                if (!seccomp) {
                    problems.add(where + ".securityContext.seccompProfile (or the pod's) must be RuntimeDefault");
                }
                Optional<VolumeMount> tmp = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp")).findFirst();
                if (tmp.isEmpty()) {
                    problems.add(where + ".volumeMounts: /tmp must be a mounted volume (read-only root)");
                } else {
                    Optional<Volume> volume = pod.spec().getVolumes().stream()
                            .filter(v -> v.getName().equals(tmp.get().getName())).findFirst();
                    if (volume.isEmpty() || volume.get().getEmptyDir() == null || Boolean.TRUE.equals(tmp.get().getReadOnly())) {
                        problems.add(where + ".volumeMounts[/tmp]: must be a writable emptyDir volume");
                    }
                }
            }
        }
        assertThat(problems).as(dir).isEmpty();
    }

    @Test
    void theTmpVolumeIsWhereTheAppWrites() throws IOException {
        String uploads = properties().getProperty("quarkus.http.body.uploads-directory", "${java.io.tmpdir}");
        assertThat(uploads).as(PROPERTIES + ": quarkus.http.body.uploads-directory must be under java.io.tmpdir "
                + "(/tmp, the emptyDir)").startsWith("${java.io.tmpdir}");
    }

    // ---------------------------------------------------------------- configuration

    /** The ${ATSPRO_...} references of application.properties. */
    static Set<String> referencedVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES)) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The environment variables of the README's configuration table ("(or ...)" alternatives left out). */
    static Set<String> readmeVariables() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as(README + ": a ## Configuration section").isNotNegative();
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 3 || cells[2].contains("---")) {
                continue;
            }
            String variables = cells[2].replaceAll("\\(or [^)]*\\)", "");
            Matcher m = Pattern.compile("`((?:ATSPRO|QUARKUS)_[A-Z0-9_]+)(=[^`]*)?`").matcher(variables);
            String previous = null;
            while (m.find()) {
                names.add(m.group(1));
                previous = m.group(1);
            }
            // `..._SECRET_ACCESS_KEY` after `..._PROVIDER_ACCESS_KEY_ID`: the stem of the previous name, less as many
            // trailing segments as the continuation has
            Matcher cont = Pattern.compile("`\\.\\.\\.(_[A-Z0-9_]+)`").matcher(variables);
            while (cont.find() && previous != null) {
                String suffix = cont.group(1);
                String stem = previous;
                for (int i = suffix.split("_").length - 1; i > 0; i--) {
                    stem = stem.substring(0, stem.lastIndexOf('_'));
                }
                names.add(stem + suffix);
            }
        }
        assertThat(names).as(README + ": variables of the configuration table").hasSizeGreaterThan(20);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/knative"})
    void everySettingIsInTheConfigMapOrTheSecretAndEveryReferenceResolves(String dir) throws IOException {
        Rendered rendered = Rendered.of(dir);
        Map<String, String> config = rendered.config();
        Map<String, String> secret = rendered.secret();
        String configFile = rendered.find("ConfigMap", CONFIG_MAP).orElseThrow().file().toString();
        String secretFile = rendered.find("Secret", SECRET).orElseThrow().file().toString();

        Set<String> both = new TreeSet<>(config.keySet());
        both.retainAll(secret.keySet());
        assertThat(both).as(configFile + " and " + secretFile + ": a key in both").isEmpty();
        for (String name : referencedVariables()) {
            assertThat(config.containsKey(name) || secret.containsKey(name))
                    .as(PROPERTIES + " references ${" + name + "}: not in " + configFile + " data nor " + secretFile
                            + " stringData").isTrue();
        }
        for (String name : readmeVariables()) {
            assertThat(config.containsKey(name) || secret.containsKey(name))
                    .as(README + " configuration table names " + name + ": not in " + configFile + " data nor "
                            + secretFile + " stringData").isTrue();
        }
        assertThat(secret.keySet()).as(secretFile + ": a field-encryption key ATSPRO_CRYPTO_KEYS_<KID>")
                .anyMatch(k -> k.startsWith("ATSPRO_CRYPTO_KEYS_"));
        String currentKey = "ATSPRO_CRYPTO_KEYS_" + config.getOrDefault("ATSPRO_CRYPTO_CURRENT_KEY", "").toUpperCase();
        assertThat(secret).as(configFile + " ATSPRO_CRYPTO_CURRENT_KEY names a key of " + secretFile)
                .containsKey(currentKey);
        for (String key : List.of("PASSWORD", "SECRET", "API_KEY", "ACCESS_KEY", "CRYPTO_KEYS_")) {
            assertThat(config.keySet()).as(configFile + ": secrets belong in " + secretFile)
                    .noneMatch(k -> k.contains(key));
        }
        if (dir.equals("base")) {
            assertThat(secret).as(secretFile + ": a template, every value CHANGE_ME")
                    .allSatisfy((k, v) -> assertThat(v).as(secretFile + " stringData." + k).isEqualTo("CHANGE_ME"));
        }

        Pod appPod = pods(rendered).stream().filter(p -> p.owner() == rendered.workload()).findFirst().orElseThrow();
        List<String> envFrom = app(appPod).getEnvFrom().stream()
                .map(e -> e.getConfigMapRef() != null ? "ConfigMap/" + e.getConfigMapRef().getName()
                        : "Secret/" + e.getSecretRef().getName())
                .toList();
        assertThat(envFrom).as(appPod.where() + ".containers[" + APP + "].envFrom")
                .contains("ConfigMap/" + CONFIG_MAP, "Secret/" + SECRET);

        List<String> problems = new ArrayList<>();
        for (Pod pod : pods(rendered)) {
            for (Container c : pod.spec().getContainers()) {
                String where = pod.where() + ".containers[" + c.getName() + "]";
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null
                            && rendered.find("ConfigMap", from.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(where + ".envFrom: no ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && rendered.find("Secret", from.getSecretRef().getName()).isEmpty()) {
                        problems.add(where + ".envFrom: no Secret " + from.getSecretRef().getName());
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cm = env.getValueFrom().getConfigMapKeyRef();
                    if (cm != null && !rendered.find("ConfigMap", cm.getName()).map(r -> r.node().path("data").has(cm.getKey()))
                            .orElse(false)) {
                        problems.add(where + ".env[" + env.getName() + "].valueFrom.configMapKeyRef: no key "
                                + cm.getKey() + " in ConfigMap " + cm.getName());
                    }
                    var s = env.getValueFrom().getSecretKeyRef();
                    if (s != null && !rendered.find("Secret", s.getName()).map(r -> r.node().path("stringData").has(s.getKey())
                            || r.node().path("data").has(s.getKey())).orElse(false)) {
                        problems.add(where + ".env[" + env.getName() + "].valueFrom.secretKeyRef: no key "
                                + s.getKey() + " in Secret " + s.getName());
                    }
                }
            }
            for (Volume v : pod.spec().getVolumes()) {
                if (v.getConfigMap() != null) {
                    Optional<Resource> cm = rendered.find("ConfigMap", v.getConfigMap().getName());
                    if (cm.isEmpty()) {
                        problems.add(pod.where() + ".volumes[" + v.getName() + "]: no ConfigMap " + v.getConfigMap().getName());
                    } else {
                        v.getConfigMap().getItems().stream().filter(i -> !cm.get().node().path("data").has(i.getKey()))
                                .forEach(i -> problems.add(pod.where() + ".volumes[" + v.getName() + "].items: no key "
                                        + i.getKey() + " in ConfigMap " + cm.get().name()));
                    }
                }
            }
        }
        assertThat(problems).as(dir).isEmpty();
    }

    @Test
    void theServiceImageIsTheSameRepositoryEverywhereAndOverlaysSetTheirTag() {
        Map<String, String> images = new LinkedHashMap<>();
        for (String dir : List.of("base", "overlays/dev", "overlays/prod", "overlays/knative")) {
            Rendered rendered = Rendered.of(dir);
            for (Pod pod : pods(rendered)) {
                pod.spec().getContainers().stream().filter(c -> c.getName().equals(APP))
                        .forEach(c -> images.put(dir + ": " + pod.where(), c.getImage()));
            }
        }
        Set<String> repositories = new LinkedHashSet<>();
        images.values().forEach(image -> repositories.add(Kustomize.repository(image)));
        assertThat(repositories).as("the service's image repository in " + images).hasSize(1);
        images.forEach((where, image) -> {
            if (!where.startsWith("base")) {
                assertThat(image).as(where + " image: an overlay pins a tag, not latest").doesNotEndWith(":latest");
            }
        });
    }

    // ---------------------------------------------------------------- periodic jobs

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/knative"})
    void cronJobsHaveValidSchedulesCallExistingTriggersAndReplaceTheInProcessJobs(String dir) {
        Rendered rendered = Rendered.of(dir);
        List<Resource> cronJobs = rendered.ofKind("CronJob");
        assertThat(cronJobs).as(dir + ": one CronJob per periodic job").hasSizeGreaterThanOrEqualTo(7);
        List<String> routes = postRoutes();
        Set<String> triggers = new TreeSet<>();
        boolean anyActive = false;
        boolean anySuspended = false;
        for (Resource cron : cronJobs) {
            String where = cron.file() + " CronJob/" + cron.name();
            JsonNode spec = cron.node().path("spec");
            String schedule = spec.path("schedule").asText();
            assertThat(cronProblems(schedule)).as(where + " spec.schedule '" + schedule + "'").isEmpty();
            assertThat(spec.path("concurrencyPolicy").asText()).as(where + " spec.concurrencyPolicy").isEqualTo("Forbid");
            boolean suspended = spec.path("suspend").asBoolean(false);
            anyActive |= !suspended;
            anySuspended |= suspended;
            JsonNode container = spec.path("jobTemplate").path("spec").path("template").path("spec").path("containers")
                    .path(0);
            JsonNode command = container.path("command");
            String path = command.path(command.size() - 1).asText();
            assertThat(path).as(where + " the trigger path (last item of the container's command)").startsWith("/api/");
            assertThat(routes).as(where + ": POST " + path + " is no JAX-RS route of io.atspro")
                    .anyMatch(route -> path.matches(route));
            assertThat(triggers.add(path)).as(where + ": another CronJob calls " + path).isTrue();
        }
        String inProcess = rendered.config().get(IN_PROCESS);
        if (anyActive) {
            assertThat(inProcess).as(dir + ": CronJobs are active, so " + CONFIG_MAP + " " + IN_PROCESS
                    + " must be \"false\" (else every job runs twice)").isEqualTo("false");
            assertThat(anySuspended).as(dir + ": some CronJobs are suspended while the jobs run from CronJobs").isFalse();
        } else {
            assertThat(inProcess).as(dir + ": the CronJobs are suspended, so the service must run the jobs ("
                    + IN_PROCESS + " true)").isEqualTo("true");
        }
    }

    @Test
    void theKnativeOverlayScalesToZeroAndRunsTheJobsFromCronJobs() {
        Rendered knative = Rendered.of("overlays/knative");
        Resource service = knative.workload();
        assertThat(knative.knative()).as("overlays/knative: the workload is a serving.knative.dev Service").isTrue();
        assertThat(service.node().path("spec").path("template").path("metadata").path("annotations")
                .path("autoscaling.knative.dev/min-scale").asText())
                .as(service.file() + " spec.template.metadata.annotations[autoscaling.knative.dev/min-scale]")
                .isEqualTo("0");
        assertThat(knative.config().get(IN_PROCESS)).as("overlays/knative: " + CONFIG_MAP + " " + IN_PROCESS)
                .isEqualTo("false");
        assertThat(knative.ofKind("Deployment")).as("overlays/knative: no Deployment").isEmpty();
        assertThat(knative.ofKind("HorizontalPodAutoscaler")).as("overlays/knative: no HPA").isEmpty();
        assertThat(knative.resources()).as("overlays/knative: no plain Service named " + APP + " (Knative makes it)")
                .noneMatch(r -> r.kind().equals("Service") && r.apiVersion().equals("v1") && r.name().equals(APP));
        assertThat(knative.ofKind("CronJob")).as("overlays/knative: every CronJob active")
                .allSatisfy(c -> assertThat(c.node().path("spec").path("suspend").asBoolean(false))
                        .as(c.file() + " CronJob/" + c.name() + " spec.suspend").isFalse());

        // the Knative container is the Deployment's, but for Knative's own shape
        Container deployed = app(pods(Rendered.of("overlays/prod")).stream()
                .filter(p -> p.owner().kind().equals("Deployment")).findFirst().orElseThrow());
        Container served = app(pods(knative).stream().filter(p -> p.owner() == service).findFirst().orElseThrow());
        String where = service.file() + " containers[" + APP + "]";
        assertThat(served.getImage()).as(where + ".image (vs overlays/prod)").isEqualTo(deployed.getImage());
        // the same environment, plus the JVM flags for starting from zero (README, "Start-up")
        assertThat(served.getEnv().stream().filter(env -> !env.getName().equals("JAVA_OPTS_APPEND")).toList())
                .as(where + ".env (vs base/deployment.yaml)").isEqualTo(deployed.getEnv());
        assertThat(served.getEnv()).as(where + ".env JAVA_OPTS_APPEND")
                .filteredOn(env -> env.getName().equals("JAVA_OPTS_APPEND")).singleElement()
                .extracting(EnvVar::getValue).asString()
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn256m", "-XX:SweeperThreshold=60");
        assertThat(served.getEnvFrom()).as(where + ".envFrom").isEqualTo(deployed.getEnvFrom());
        assertThat(served.getResources()).as(where + ".resources (vs base/deployment.yaml)")
                .isEqualTo(app(pods(Rendered.of("base")).stream().filter(p -> p.owner().kind().equals("Deployment"))
                        .findFirst().orElseThrow()).getResources());
    }

    private static List<String> routes;

    /** POST routes of the JAX-RS resources in io.atspro (target/classes), as regular expressions; read once. */
    static synchronized List<String> postRoutes() {
        if (routes != null) {
            return routes;
        }
        routes = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/atspro"))) {
            names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        } catch (IOException e) {
            throw new AssertionError("target/classes: " + e.getMessage(), e);
        }
        for (String name : names) {
            Class<?> resource;
            try {
                resource = Class.forName(name, false, KubernetesManifestsTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                            .replaceAll("(.)/$", "$1");
                    routes.add(template.replaceAll("\\{[^}]+}", "[^/]+"));
                }
            }
        }
        assertThat(routes).as("POST routes found in io.atspro").hasSizeGreaterThan(10);
        return routes;
    }

    /** What is wrong with a five-field Kubernetes cron schedule (empty when valid). */
    static List<String> cronProblems(String schedule) {
        List<String> problems = new ArrayList<>();
        String[] fields = schedule.trim().split("\\s+");
        if (fields.length != 5) {
            problems.add("needs 5 fields (minute hour day-of-month month day-of-week), has " + fields.length);
            return problems;
        }
        int[][] bounds = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        String[] names = {"minute", "hour", "day of month", "month", "day of week"};
        Pattern item = Pattern.compile("(\\*|(\\d+)(?:-(\\d+))?)(?:/(\\d+))?");
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                Matcher m = item.matcher(part);
                if (!m.matches()) {
                    problems.add(names[i] + " '" + part + "' is not *, n, a-b or with /step");
                    continue;
                }
                for (int g : new int[] {2, 3}) {
                    if (m.group(g) != null) {
                        int v = Integer.parseInt(m.group(g));
                        if (v < bounds[i][0] || v > bounds[i][1]) {
                            problems.add(names[i] + " " + v + " is outside " + bounds[i][0] + "-" + bounds[i][1]);
                        }
                    }
                }
                if (m.group(3) != null && Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2))) {
                    problems.add(names[i] + " range " + part + " runs backwards");
                }
                if (m.group(4) != null && Integer.parseInt(m.group(4)) == 0) {
                    problems.add(names[i] + " step 0");
                }
            }
        }
        return problems;
    }

    @Test
    void theCronValidatorAndTheRendererRefuseWhatTheyShould() {
        assertThat(cronProblems("*/15 * * * *")).isEmpty();
        assertThat(cronProblems("30 3 * * 1-5")).isEmpty();
        assertThat(cronProblems("0 0 */6 * * ?")).isNotEmpty(); // Quartz, not Kubernetes
        assertThat(cronProblems("60 * * * *")).isNotEmpty();
        assertThat(cronProblems("@hourly")).isNotEmpty();
        assertThat(postRoutes()).anyMatch(r -> "/api/v1/admin/scrape-sources/123/run".matches(r));
    }
}
