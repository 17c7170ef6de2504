package io.zkml4j.prover.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the model I/O files of the command line (a stable contract):
 *
 * <ul>
 *   <li>{@code input.json}: {@code {"input": [x0, x1, ...]}}, one sample, flattened row-major in the
 *       model's input shape (nested arrays are flattened row-major too); EZKL's
 *       {@code {"input_data": [[x0, x1, ...]]}} is accepted as well.</li>
 *   <li>a calibration file: a JSON array of samples {@code [[...], [...]]}, or
 *       {@code {"inputs": [[...], ...]}} (the keys {@code shape}, {@code labels} and {@code true_labels}
 *       of the example {@code test_inputs.json} files may stand beside it and are ignored).</li>
 * </ul>
 *
 * Every value must be a finite number; each sample must hold exactly the model's number of input
 * values. Errors name the file and the field or index.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** Reads one sample from {@code input.json}, expecting as many values as {@code inputShape} holds. */
    public static float[] readInput(Path file, int[] inputShape) {
        return StrictJson.readFile(file, (root, ctx) -> parseInput(root, ctx, inputShape));
    }

    /** Parses the text of an {@code input.json}; {@code source} names it in messages. */
    public static float[] parseInput(String json, String source, int[] inputShape) {
        return StrictJson.parseText(json, source, (root, ctx) -> parseInput(root, ctx, inputShape));
    }

    private static float[] parseInput(JsonNode root, StrictJson ctx, int[] inputShape) {
        ctx.object(root, "", Set.of("input", "input_data"), Set.of());
        boolean ours = root.has("input");
        boolean ezkl = root.has("input_data");
        if (ours == ezkl) {
            throw ctx.error(ours ? "holds both \"input\" and \"input_data\"; expected one of them"
                    : "expected {\"input\": [...]} (or EZKL's {\"input_data\": [[...]]})");
        }
        if (ours) {
            return sample(root.get("input"), "input", ctx, inputShape);
        }
        List<JsonNode> tensors = ctx.array(root.get("input_data"), "input_data");
        if (tensors.size() != 1) {
            throw ctx.error("input_data", "expected one input tensor (the model has one input) but got "
                    + tensors.size());
        }
        return sample(tensors.get(0), "input_data[0]", ctx, inputShape);
    }

    /** Reads the samples of a calibration file. */
    public static List<float[]> readCalibration(Path file, int[] inputShape) {
        return StrictJson.readFile(file, (root, ctx) -> parseCalibration(root, ctx, inputShape));
    }

    /** Parses the text of a calibration file; {@code source} names it in messages. */
    public static List<float[]> parseCalibration(String json, String source, int[] inputShape) {
        return StrictJson.parseText(json, source, (root, ctx) -> parseCalibration(root, ctx, inputShape));
    }

    private static List<float[]> parseCalibration(JsonNode root, StrictJson ctx, int[] inputShape) {
        JsonNode samples;
        String field;
        if (root.isArray()) {
            samples = root;
            field = "";
        } else if (root.isObject()) {
            ctx.object(root, "", Set.of("inputs", "shape", "labels", "true_labels"), Set.of("inputs"));
            samples = root.get("inputs");
            field = "inputs";
        } else {
            throw ctx.error("expected a JSON array of samples or {\"inputs\": [...]} but got " + StrictJson.kind(root));
        }
        List<JsonNode> rows = ctx.array(samples, field.isEmpty() ? "(top level)" : field);
        if (rows.isEmpty()) {
            throw ctx.error("holds no samples; calibration needs at least one");
        }
        List<float[]> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(sample(rows.get(i), field + "[" + i + "]", ctx, inputShape));
        }
        return out;
    }

    /** One sample: an array (possibly nested) of finite numbers, flattened row-major. */
    private static float[] sample(JsonNode node, String field, StrictJson ctx, int[] inputShape) {
        long expected = Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b);
        if (node == null || !node.isArray()) {
            throw ctx.error(field, "expected an array of numbers but got " + StrictJson.kind(node));
        }
        List<Float> values = new ArrayList<>();
        flatten(node, field, ctx, values);
        if (values.size() != expected) {
            throw ctx.error(field, "expected " + expected + " values (the model's input shape "
                    + Arrays.toString(inputShape) + ") but got " + values.size());
        }
        float[] x = new float[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(i);
        }
        return x;
    }

    private static void flatten(JsonNode node, String field, StrictJson ctx, List<Float> out) {
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            String at = field + "[" + i + "]";
            if (v.isArray()) {
                flatten(v, at, ctx, out);
                continue;
            }
            double d = ctx.finiteNumber(v, at);
            float f = (float) d;
            if (Float.isInfinite(f)) {
                throw ctx.error(at, "value " + v.asText() + " is too large for a 32-bit float");
            }
            out.add(f);
        }
    }
}
