package io.zkml4j.prover.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the pipeline's small JSON files: every error is a {@link ModelException} naming
 * the file and the field ({@code model.json: field settings.inputBits: expected an integer but got "16"}).
 * Unknown keys are errors. {@code NaN} and {@code Infinity} are parsed (so that an input holding them is
 * reported by index rather than as a syntax error) and refused by {@link #finiteNumber}.
 */
final class StrictJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Files larger than this are refused before reading (the pipeline's JSON files are small). */
    static final long MAX_BYTES = 256L << 20;

    private final String source;

    StrictJson(String source) {
        this.source = source;
    }

    /** The source's name, as used in messages. */
    String source() {
        return source;
    }

    /** A reader of one kind of file from its parsed JSON; errors through the context. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonNode root, StrictJson ctx);
    }

    /** Reads {@code file} with {@code reader}; messages name the file as the user gave it. */
    static <T> T readFile(Path file, Reader<T> reader) {
        StrictJson ctx = new StrictJson(file.toString());
        return reader.read(read(file, ctx), ctx);
    }

    /** Parses {@code json} with {@code reader}; messages name it {@code source}. */
    static <T> T parseText(String json, String source, Reader<T> reader) {
        StrictJson ctx = new StrictJson(source);
        return reader.read(ctx.parse(json), ctx);
    }

    /** Reads and parses {@code path}; messages name it as the user gave it. */
    static JsonNode read(Path path, StrictJson ctx) {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw ctx.error("file larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return ctx.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelException(ctx.source + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw ctx.error("not UTF-8 text");
        } catch (IOException e) {
            throw new ModelException(ctx.source + ": cannot read: " + e.getMessage(), e);
        }
    }

    JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw error("empty file, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ModelException(source + ": invalid JSON" + (line > 0 ? " at line " + line : "") + ": " + msg, e);
        }
    }

    ModelException error(String message) {
        return new ModelException(source + ": " + message);
    }

    ModelException error(String field, String message) {
        return new ModelException(source + ": field " + field + ": " + message);
    }

    /** Checks that {@code node} is an object with only {@code allowed} keys and all {@code required} ones. */
    ObjectNode object(JsonNode node, String field, Set<String> allowed, Set<String> required) {
        if (node == null || !node.isObject()) {
            throw field.isEmpty() ? error("expected a JSON object but got " + kind(node))
                    : error(field, "expected an object but got " + kind(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(join(field, name), "unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        }
        for (String r : new TreeSet<>(required)) {
            if (!node.has(r)) {
                throw error(join(field, r), "missing");
            }
        }
        return (ObjectNode) node;
    }

    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    JsonNode required(JsonNode obj, String parent, String key) {
        JsonNode v = obj.get(key);
        if (v == null) {
            throw error(join(parent, key), "missing");
        }
        return v;
    }

    int intValue(JsonNode node, String field, long min, long max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error(field, "expected an integer but got " + kind(node));
        }
        long v = node.longValue();
        if (v < min || v > max) {
            throw error(field, "expected an integer in [" + min + ", " + max + "] but got " + v);
        }
        return (int) v;
    }

    long longValue(JsonNode node, String field, long min) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error(field, "expected an integer but got " + kind(node));
        }
        long v = node.longValue();
        if (v < min) {
            throw error(field, "expected an integer >= " + min + " but got " + v);
        }
        return v;
    }

    double finiteNumber(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw error(field, "expected a number but got " + kind(node));
        }
        double v = node.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw error(field, "expected a finite number but got " + node.asText());
        }
        return v;
    }

    boolean bool(JsonNode node, String field) {
        if (node == null || !node.isBoolean()) {
            throw error(field, "expected true or false but got " + kind(node));
        }
        return node.booleanValue();
    }

    String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw error(field, "expected a string but got " + kind(node));
        }
        return node.textValue();
    }

    /** One of {@code choices} (case-insensitive), returned in lower case. */
    String choice(JsonNode node, String field, List<String> choices) {
        String v = text(node, field).toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(v)) {
            throw error(field, "expected one of " + String.join(", ", choices) + " but got \"" + node.textValue()
                    + "\"");
        }
        return v;
    }

    List<JsonNode> array(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw error(field, "expected an array but got " + kind(node));
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    /** A short description of what a node is, for messages. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            String t = node.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        return node.asText();
    }
}
