package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Typed reads from a JSON tree where every shape error names its field, e.g. {@code work[1].highlights[0]}. */
final class JsonFields {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    interface ItemReader<T> {
        T read(JsonNode item, String path);
    }

    <T> List<T> each(JsonNode root, String field, ItemReader<T> reader) {
        List<JsonNode> items = objects(root.get(field), field);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            result.add(reader.read(items.get(i), field + "[" + i + "]"));
        }
        return result;
    }

    List<JsonNode> objects(JsonNode array, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new JsonResumeFormatException(path, "must be an array, not " + kind(array));
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(object(array.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    JsonNode object(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return nodes.objectNode();
        }
        if (!node.isObject()) {
            throw new JsonResumeFormatException(path, "must be an object, not " + kind(node));
        }
        return node;
    }

    List<String> strings(JsonNode array, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new JsonResumeFormatException(path, "must be an array of strings, not " + kind(array));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (!value.isTextual()) {
                throw new JsonResumeFormatException(path + "[" + i + "]", "must be a string, not " + kind(value));
            }
            values.add(value.asText());
        }
        return values;
    }

    String text(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Text.blankToNull(value.asText());
        }
        if (value.isNumber()) {
            return value.asText();
        }
        throw new JsonResumeFormatException(path + "." + field, "must be a string, not " + kind(value));
    }

    /** Dates are kept as ISO partial dates when they can be read, and as written otherwise. */
    String date(JsonNode object, String field, String path) {
        String raw = text(object, field, path);
        String iso = PartialDate.normalise(raw);
        return iso != null ? iso : raw;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}
