package io.atspro.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the features the manifests under
 * {@code kubernetes/} use and no more: {@code resources} (files and directories), {@code images}, and
 * {@code patches} holding strategic-merge patches (by the patch's kind and name, or by {@code target}), including
 * {@code $patch: delete}. Anything else in a kustomization, or a patch this renderer could merge differently from
 * kustomize (a list it does not know the merge rule of), fails with the file and field named, so the manifests
 * stay within what the test really checks.
 */
final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();

    /** One rendered document and the file it came from. */
    record Resource(Path file, ObjectNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String id() {
            return kind() + "/" + name() + " (" + file + ")";
        }
    }

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "patches",
            "images");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name", "group", "version");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
    /** Lists merged by key in a strategic-merge patch (the Kubernetes API's patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");
    /** Lists a strategic-merge patch replaces whole (no patchStrategy in the API). */
    private static final Set<String> REPLACED_LISTS = Set.of("ingress", "egress", "command", "args");
    /** Where kustomize's images transformer looks for containers. */
    private static final List<List<String>> CONTAINER_PATHS = List.of(
            List.of("spec", "containers"), List.of("spec", "initContainers"),
            List.of("spec", "template", "spec", "containers"), List.of("spec", "template", "spec", "initContainers"),
            List.of("spec", "jobTemplate", "spec", "template", "spec", "containers"),
            List.of("spec", "jobTemplate", "spec", "template", "spec", "initContainers"));

    private Kustomize() {
    }

    /** Every YAML document of a file (empty documents skipped). */
    static List<ObjectNode> documents(Path file) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int n = 0;
            while (it.hasNext()) {
                n++;
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new AssertionError(file + ": document " + n + " is not a mapping");
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static List<Resource> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(dir + ": no kustomization.yaml");
        }
        List<ObjectNode> docs = documents(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + ": expected one document");
        }
        ObjectNode k = docs.get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                throw new AssertionError(file + ": field '" + field + "' is not supported by the test's renderer "
                        + "(supported: " + KUSTOMIZATION_FIELDS + ")");
            }
        });
        require(file, "kind", k.path("kind").asText().equals("Kustomization"), "must be Kustomization");

        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                documents(path).forEach(doc -> resources.add(new Resource(path, doc)));
            } else {
                throw new AssertionError(file + ": resources: " + entry.asText() + " does not exist");
            }
        }
        checkUnique(file, resources);

        int i = 0;
        for (JsonNode entry : k.path("patches")) {
            patch(file, dir, "patches[" + i++ + "]", entry, resources);
        }
        i = 0;
        for (JsonNode entry : k.path("images")) {
            images(file, "images[" + i++ + "]", entry, resources);
        }
        return resources;
    }

    private static void checkUnique(Path file, List<Resource> resources) {
        Set<String> seen = new java.util.HashSet<>();
        for (Resource r : resources) {
            if (!seen.add(group(r.apiVersion()) + "/" + r.kind() + "/" + r.name())) {
                throw new AssertionError(file + ": " + r.id() + " is defined twice");
            }
        }
    }

    private static void patch(Path file, Path dir, String where, JsonNode entry, List<Resource> resources) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!PATCH_FIELDS.contains(field)) {
                throw new AssertionError(file + ": " + where + "." + field + " is not supported (supported: "
                        + PATCH_FIELDS + ")");
            }
        });
        Path source;
        List<ObjectNode> docs;
        if (entry.has("path")) {
            source = dir.resolve(entry.get("path").asText()).normalize();
            require(file, where + ".path", Files.isRegularFile(source), source + " does not exist");
            docs = documents(source);
        } else if (entry.has("patch")) {
            source = file;
            try {
                JsonNode doc = YAML.readTree(entry.get("patch").asText());
                require(file, where + ".patch", doc.isObject(), "only strategic-merge patches are supported");
                docs = List.of((ObjectNode) doc);
            } catch (IOException e) {
                throw new AssertionError(file + ": " + where + ".patch is not YAML: " + e.getMessage());
            }
        } else {
            throw new AssertionError(file + ": " + where + " needs path or patch");
        }
        require(source, "document", docs.size() == 1, "a patch file holds exactly one strategic-merge patch");
        ObjectNode patch = docs.get(0);

        List<Resource> targets;
        if (entry.has("target")) {
            JsonNode target = entry.get("target");
            target.fieldNames().forEachRemaining(field -> {
                if (!TARGET_FIELDS.contains(field)) {
                    throw new AssertionError(file + ": " + where + ".target." + field + " is not supported");
                }
            });
            targets = resources.stream().filter(r -> matches(target, r)).toList();
        } else {
            targets = resources.stream()
                    .filter(r -> r.kind().equals(patch.path("kind").asText())
                            && r.name().equals(patch.path("metadata").path("name").asText())
                            && group(r.apiVersion()).equals(group(patch.path("apiVersion").asText())))
                    .toList();
        }
        if (targets.isEmpty()) {
            throw new AssertionError(source + ": patch matches no resource (" + patch.path("kind").asText() + "/"
                    + patch.path("metadata").path("name").asText() + ")");
        }
        boolean delete = "delete".equals(patch.path("$patch").asText(null));
        for (Resource target : List.copyOf(targets)) {
            if (delete) {
                resources.remove(target);
            } else {
                ObjectNode body = patch.deepCopy();
                body.remove(List.of("apiVersion", "kind"));
                if (body.get("metadata") instanceof ObjectNode metadata) {
                    metadata.remove("name"); // with a target the patch's name is a placeholder; without, the same
                }
                merge(source, "", target.node(), body);
            }
        }
    }

    private static boolean matches(JsonNode target, Resource r) {
        if (target.has("kind") && !target.get("kind").asText().equals(r.kind())) {
            return false;
        }
        if (target.has("name") && !Pattern.matches(target.get("name").asText(), r.name())) {
            return false;
        }
        if (target.has("group") && !target.get("group").asText().equals(group(r.apiVersion()))) {
            return false;
        }
        String version = r.apiVersion().contains("/") ? r.apiVersion().substring(r.apiVersion().indexOf('/') + 1)
                : r.apiVersion();
        return !target.has("version") || target.get("version").asText().equals(version);
    }

    private static String group(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** Strategic merge of {@code patch} into {@code target}: maps merge, known lists merge by key, null deletes. */
    static void merge(Path source, String path, ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new AssertionError(source + ": " + at + ": directive not supported by the test's renderer");
            }
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.get(name) instanceof ObjectNode existing) {
                merge(source, at, existing, (ObjectNode) value);
            } else if (value.isArray()) {
                if (MERGE_KEYS.containsKey(name) && target.get(name) instanceof ArrayNode existing) {
                    mergeList(source, at, existing, (ArrayNode) value, MERGE_KEYS.get(name));
                } else if (MERGE_KEYS.containsKey(name) || REPLACED_LISTS.contains(name)) {
                    target.set(name, value.deepCopy());
                } else {
                    throw new AssertionError(source + ": " + at + ": a list the test's renderer does not know how "
                            + "kustomize merges (known: " + MERGE_KEYS.keySet() + " by key, " + REPLACED_LISTS
                            + " replaced)");
                }
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(Path source, String path, ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            String id = item.path(key).asText(null);
            if (id == null) {
                throw new AssertionError(source + ": " + path + ": an item without its merge key '" + key + "'");
            }
            ObjectNode existing = null;
            for (JsonNode candidate : target) {
                if (id.equals(candidate.path(key).asText(null))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                target.add(item.deepCopy());
            } else {
                merge(source, path + "[" + key + "=" + id + "]", existing, (ObjectNode) item);
            }
        }
    }

    private static void images(Path file, String where, JsonNode entry, List<Resource> resources) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!IMAGE_FIELDS.contains(field)) {
                throw new AssertionError(file + ": " + where + "." + field + " is not supported");
            }
        });
        String name = entry.path("name").asText();
        require(file, where + ".name", !name.isEmpty(), "is required");
        for (Resource r : resources) {
            for (List<String> path : CONTAINER_PATHS) {
                JsonNode node = r.node();
                for (String step : path) {
                    node = node.path(step);
                }
                for (JsonNode container : node) {
                    String image = container.path("image").asText();
                    if (repository(image).equals(name)) {
                        String repository = entry.has("newName") ? entry.get("newName").asText() : name;
                        String tag = entry.has("digest") ? "@" + entry.get("digest").asText()
                                : entry.has("newTag") ? ":" + entry.get("newTag").asText() : suffix(image);
                        ((ObjectNode) container).put("image", repository + tag);
                    }
                }
            }
        }
    }

    /** The image without tag or digest. */
    static String repository(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at >= 0 ? image.substring(0, at) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private static String suffix(String image) {
        return image.substring(repository(image).length());
    }

    private static void require(Path file, String field, boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(file + ": " + field + ": " + message);
        }
    }
}
