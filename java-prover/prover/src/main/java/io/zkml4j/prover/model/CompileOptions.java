package io.zkml4j.prover.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.zkml4j.ml.compile.Visibility;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code zkml4j compile --settings settings.json} reads: every key is optional, unknown keys are
 * refused by name.
 *
 * <pre>{@code
 * {
 *   "inputBits": 16,              // signed width of a quantized input element (2..32); each is range-checked
 *   "weightBits": 12,             // signed width the largest weight may use (2..31): sets the weight scale
 *   "marginBits": 2,              // accumulator bits over the calibrated range (0..30): headroom for new inputs
 *   "inputScale": 13,             // fractional bits of activations (-30..30); default: from --calibrate, or
 *                                 //   for |x| <= 1 without it
 *   "inputVisibility": "private", // private (witness only), public (public signals) or hashed (a salted
 *                                 //   Poseidon commitment is public)
 *   "outputVisibility": "public", // public, or hashed (outputs and label private, their commitment public)
 *   "outputLabel": true           // also prove the argmax label as a public signal
 * }
 * }</pre>
 *
 * @param inputScale null: chosen by calibration (or for inputs of magnitude at most 1 without samples)
 */
public record CompileOptions(int inputBits, int weightBits, int marginBits, Integer inputScale,
        Visibility inputVisibility, Visibility outputVisibility, boolean outputLabel) {

    /** The keys of settings.json. */
    public static final Set<String> KEYS = Set.of("inputBits", "weightBits", "marginBits", "inputScale",
            "inputVisibility", "outputVisibility", "outputLabel");

    /** The input visibilities settings.json accepts. */
    public static final List<String> INPUT_VISIBILITIES = List.of("private", "public", "hashed");
    /** The output visibilities settings.json accepts (a proof needs some public output). */
    public static final List<String> OUTPUT_VISIBILITIES = List.of("public", "hashed");

    public CompileOptions {
        check(inputBits, 2, 32, "inputBits");
        check(weightBits, 2, 31, "weightBits");
        check(marginBits, 0, 30, "marginBits");
        if (inputScale != null) {
            check(inputScale, -30, 30, "inputScale");
        }
        java.util.Objects.requireNonNull(inputVisibility, "inputVisibility");
        if (outputVisibility == null || outputVisibility == Visibility.PRIVATE) {
            throw new IllegalArgumentException("outputVisibility: expected PUBLIC or HASHED but got " + outputVisibility);
        }
    }

    private static void check(int v, int lo, int hi, String name) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + ": expected " + lo + " <= " + name + " <= " + hi + " but got " + v);
        }
    }

    /** inputBits 16, weightBits 12, marginBits 2, scale from calibration, private input, public outputs and label. */
    public static CompileOptions defaults() {
        return new CompileOptions(16, 12, 2, null, Visibility.PRIVATE, Visibility.PUBLIC, true);
    }

    /** Reads settings.json; missing keys keep their {@linkplain #defaults() defaults}. */
    public static CompileOptions read(Path file) {
        return StrictJson.readFile(file, CompileOptions::parse);
    }

    /** Parses the text of a settings.json; {@code source} names it in messages. */
    public static CompileOptions parse(String json, String source) {
        return StrictJson.parseText(json, source, CompileOptions::parse);
    }

    private static CompileOptions parse(JsonNode root, StrictJson ctx) {
        ctx.object(root, "", KEYS, Set.of());
        CompileOptions d = defaults();
        int inputBits = root.has("inputBits") ? ctx.intValue(root.get("inputBits"), "inputBits", 2, 32) : d.inputBits;
        int weightBits = root.has("weightBits") ? ctx.intValue(root.get("weightBits"), "weightBits", 2, 31)
                : d.weightBits;
        int marginBits = root.has("marginBits") ? ctx.intValue(root.get("marginBits"), "marginBits", 0, 30)
                : d.marginBits;
        Integer inputScale = root.has("inputScale") ? ctx.intValue(root.get("inputScale"), "inputScale", -30, 30)
                : null;
        Visibility in = root.has("inputVisibility")
                ? Visibility.valueOf(ctx.choice(root.get("inputVisibility"), "inputVisibility", INPUT_VISIBILITIES)
                        .toUpperCase(Locale.ROOT))
                : d.inputVisibility;
        Visibility out = root.has("outputVisibility")
                ? Visibility.valueOf(ctx.choice(root.get("outputVisibility"), "outputVisibility", OUTPUT_VISIBILITIES)
                        .toUpperCase(Locale.ROOT))
                : d.outputVisibility;
        boolean label = root.has("outputLabel") ? ctx.bool(root.get("outputLabel"), "outputLabel") : d.outputLabel;
        return new CompileOptions(inputBits, weightBits, marginBits, inputScale, in, out, label);
    }
}
