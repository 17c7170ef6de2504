package io.zkml4j.prover.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.zkml4j.ml.compile.ModelSettings;
import io.zkml4j.ml.compile.Visibility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code model.json} of a compiled model directory: what was compiled (the source model's name and
 * SHA-256), how (every setting needed to rebuild the exact circuit), what the circuit looks like
 * (counts, the public-signal layout, the model commitment, the SHA-256 of {@code circuit.r1cs}, the cost
 * of each layer) and how well the quantized model matched the float model on the calibration samples.
 *
 * <p>Reading is strict: an unknown {@code format}/{@code version}, a missing or unknown field, or a
 * value of the wrong type is a {@link ModelException} naming the file and the field.
 *
 * @param sourceName    the file name the model was compiled from (it is stored as {@link ModelDirectory#MODEL_ONNX})
 * @param sourceSha256  SHA-256 of the model file, lower-case hex
 * @param inputShape    the model's input shape (batch dimension 1)
 * @param outputSize    number of output values
 * @param settings      quantization and visibility settings
 * @param publicSignals names of the public signals, in {@code public.json} order (ml's {@code PublicSignalLayout})
 * @param commitment    the model commitment ({@code CompiledModel.commitment()}: Poseidon over the quantized
 *                      weights, widths and settings), decimal
 * @param circuit       counts and fingerprint of {@code circuit.r1cs}
 * @param layers        constraints per layer ({@code CompiledModel.layerCosts()}), in circuit order; they add up
 *                      to {@link Circuit#constraints}
 * @param calibration   the calibration report, or null when compiled without samples
 */
public record ModelMetadata(String sourceName, String sourceSha256, List<Integer> inputShape, int outputSize,
        Settings settings, List<String> publicSignals, String commitment, Circuit circuit, List<LayerCost> layers,
        Calibration calibration) {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "zkml4j-model";
    /** The only version this code reads and writes. */
    public static final int VERSION = 1;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,77}");
    /** Two-space indentation, {@code "key": value}, one array element per line. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    public ModelMetadata {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        inputShape = List.copyOf(inputShape);
        Objects.requireNonNull(settings, "settings");
        publicSignals = List.copyOf(publicSignals);
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(circuit, "circuit");
        layers = List.copyOf(layers);
    }

    /**
     * Everything needed to rebuild the circuit, and the calibration options it came from.
     *
     * @param weightScale      the weight scale of a linear layer not in {@code weightScales}
     * @param weightScales     the weight scale of each linear layer, by its node's output name (sorted)
     * @param accumulatorBits  enforced accumulator width per linear node output (sorted by name)
     * @param inputVisibility  {@code private}, {@code public} or {@code hashed}
     * @param outputVisibility {@code public} or {@code hashed}
     */
    public record Settings(int inputScale, int inputBits, int weightScale, Map<String, Integer> weightScales,
            int weightBits, int marginBits, Map<String, Integer> accumulatorBits, String inputVisibility,
            String outputVisibility, boolean outputLabel) {

        public Settings {
            weightScales = java.util.Collections.unmodifiableMap(new TreeMap<>(weightScales));
            accumulatorBits = java.util.Collections.unmodifiableMap(new TreeMap<>(accumulatorBits));
        }

        /** From the compiler's settings and the calibration options recorded beside them. */
        public static Settings of(ModelSettings s, int weightBits, int marginBits) {
            return new Settings(s.inputScale(), s.inputBits(), s.weightScale(), s.weightScales(), weightBits,
                    marginBits, s.accumulatorBits(), s.inputVisibility().name().toLowerCase(Locale.ROOT),
                    s.outputVisibility().name().toLowerCase(Locale.ROOT), s.outputLabel());
        }

        /** The settings the circuit compiler takes. */
        public ModelSettings toModelSettings() {
            return new ModelSettings(inputScale, inputBits, weightScale, accumulatorBits,
                    Visibility.valueOf(inputVisibility.toUpperCase(Locale.ROOT)), outputLabel,
                    Visibility.valueOf(outputVisibility.toUpperCase(Locale.ROOT)), weightScales);
        }
    }

    /**
     * @param constraints R1CS constraints
     * @param wires       R1CS wires (including wire 0, the constant 1)
     * @param power       the powers-of-tau power a setup needs (2^power rows)
     * @param r1csSha256  SHA-256 of {@code circuit.r1cs}
     */
    public record Circuit(long constraints, long wires, int power, String r1csSha256) {
    }

    /**
     * Constraints of one row of the circuit: a layer (its constraint namespace) or a part around the
     * layers ({@code input} range checks, commitments, the label, the public outputs).
     *
     * @param op          what it computes ({@code Gemm}, {@code Relu}, {@code RangeCheck}, {@code Poseidon}, …)
     * @param outputShape the shape of what it produces
     */
    public record LayerCost(String name, String op, List<Integer> outputShape, long constraints) {
        public LayerCost {
            outputShape = List.copyOf(outputShape);
        }
    }

    /**
     * The quantized model against the float model on the calibration samples.
     *
     * @param labelAgreement fraction of samples whose labels agree (0 to 1)
     * @param unsatisfiable  samples that overflow a calibrated accumulator width
     */
    public record Calibration(int samples, double labelAgreement, double maxAbsError, double meanAbsError,
            int unsatisfiable) {
    }

    /** Number of input values. */
    public int inputSize() {
        return inputShape.stream().mapToInt(Integer::intValue).reduce(1, Math::multiplyExact);
    }

    /** The input shape as an array. */
    public int[] inputShapeArray() {
        return inputShape.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- writing ----------------------------------------------------------------------------------

    /** The JSON text of {@code model.json} (pretty-printed, keys in a fixed order, a final newline). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("source", ordered("file", ModelDirectory.MODEL_ONNX, "name", sourceName, "sha256", sourceSha256));
        root.put("input", ordered("shape", inputShape, "size", inputSize()));
        root.put("output", ordered("size", outputSize));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("inputScale", settings.inputScale());
        s.put("inputBits", settings.inputBits());
        s.put("weightScale", settings.weightScale());
        s.put("weightScales", settings.weightScales());
        s.put("weightBits", settings.weightBits());
        s.put("marginBits", settings.marginBits());
        s.put("accumulatorBits", settings.accumulatorBits());
        s.put("inputVisibility", settings.inputVisibility());
        s.put("outputVisibility", settings.outputVisibility());
        s.put("outputLabel", settings.outputLabel());
        root.put("settings", s);
        root.put("publicSignals", publicSignals);
        root.put("commitment", commitment);
        root.put("circuit", ordered("constraints", circuit.constraints(), "wires", circuit.wires(), "power",
                circuit.power(), "r1csSha256", circuit.r1csSha256()));
        List<Object> ls = new ArrayList<>();
        for (LayerCost l : layers) {
            ls.add(ordered("name", l.name(), "op", l.op(), "outputShape", l.outputShape(), "constraints",
                    l.constraints()));
        }
        root.put("layers", ls);
        root.put("calibration", calibration == null ? null : ordered("samples", calibration.samples(),
                "labelAgreement", calibration.labelAgreement(), "maxAbsError", calibration.maxAbsError(),
                "meanAbsError", calibration.meanAbsError(), "unsatisfiable", calibration.unsatisfiable()));
        try {
            return StrictJson.MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize model.json", e);
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Reads and validates {@code model.json}; messages name {@code file}. */
    public static ModelMetadata read(Path file) {
        return StrictJson.readFile(file, ModelMetadata::parse);
    }

    /** Parses the text of a {@code model.json}; {@code source} names it in messages. */
    public static ModelMetadata parse(String json, String source) {
        return StrictJson.parseText(json, source, ModelMetadata::parse);
    }

    private static ModelMetadata parse(JsonNode root, StrictJson ctx) {
        Set<String> top = Set.of("format", "version", "source", "input", "output", "settings", "publicSignals",
                "commitment", "circuit", "layers", "calibration");
        // format and version first: a file of another kind or version gets that message, not a missing field
        if (root.isObject()) {
            String format = ctx.text(ctx.required(root, "", "format"), "format");
            if (!format.equals(FORMAT)) {
                throw ctx.error("format", "expected \"" + FORMAT + "\" but got \"" + format
                        + "\" (not a zkml4j model.json)");
            }
            long version = ctx.longValue(ctx.required(root, "", "version"), "version", 0);
            if (version != VERSION) {
                throw ctx.error("version", "unsupported version " + version + "; this zkml4j reads version "
                        + VERSION + " (recompile the model with this zkml4j)");
            }
        }
        ctx.object(root, "", top, top);

        JsonNode src = ctx.object(root.get("source"), "source", Set.of("file", "name", "sha256"),
                Set.of("file", "name", "sha256"));
        String file = ctx.text(src.get("file"), "source.file");
        if (!file.equals(ModelDirectory.MODEL_ONNX)) {
            throw ctx.error("source.file", "expected \"" + ModelDirectory.MODEL_ONNX + "\" but got \"" + file + "\"");
        }
        String name = ctx.text(src.get("name"), "source.name");
        String sha = sha256(ctx, src.get("sha256"), "source.sha256");

        JsonNode in = ctx.object(root.get("input"), "input", Set.of("shape", "size"), Set.of("shape", "size"));
        List<Integer> shape = new ArrayList<>();
        List<JsonNode> dims = ctx.array(in.get("shape"), "input.shape");
        if (dims.isEmpty()) {
            throw ctx.error("input.shape", "expected at least one dimension");
        }
        long size = 1;
        for (int i = 0; i < dims.size(); i++) {
            int d = ctx.intValue(dims.get(i), "input.shape[" + i + "]", 1, 1 << 24);
            shape.add(d);
            size *= d;
            if (size > (1 << 24)) {
                throw ctx.error("input.shape", "more than 2^24 input values");
            }
        }
        int declared = ctx.intValue(in.get("size"), "input.size", 1, 1 << 24);
        if (declared != size) {
            throw ctx.error("input.size", "is " + declared + " but input.shape " + shape + " holds " + size + " values");
        }
        JsonNode out = ctx.object(root.get("output"), "output", Set.of("size"), Set.of("size"));
        int outputSize = ctx.intValue(out.get("size"), "output.size", 1, 1 << 24);

        Set<String> settingKeys = Set.of("inputScale", "inputBits", "weightScale", "weightScales", "weightBits",
                "marginBits", "accumulatorBits", "inputVisibility", "outputVisibility", "outputLabel");
        JsonNode s = ctx.object(root.get("settings"), "settings", settingKeys, settingKeys);
        Settings settings = new Settings(
                ctx.intValue(s.get("inputScale"), "settings.inputScale", -30, 30),
                ctx.intValue(s.get("inputBits"), "settings.inputBits", 2, 32),
                ctx.intValue(s.get("weightScale"), "settings.weightScale", 0, 30),
                intMap(ctx, s.get("weightScales"), "settings.weightScales", 0, 30),
                ctx.intValue(s.get("weightBits"), "settings.weightBits", 2, 31),
                ctx.intValue(s.get("marginBits"), "settings.marginBits", 0, 30),
                intMap(ctx, s.get("accumulatorBits"), "settings.accumulatorBits", 2, 62),
                ctx.choice(s.get("inputVisibility"), "settings.inputVisibility", CompileOptions.INPUT_VISIBILITIES),
                ctx.choice(s.get("outputVisibility"), "settings.outputVisibility", CompileOptions.OUTPUT_VISIBILITIES),
                ctx.bool(s.get("outputLabel"), "settings.outputLabel"));

        List<String> signals = new ArrayList<>();
        List<JsonNode> sigNodes = ctx.array(root.get("publicSignals"), "publicSignals");
        for (int i = 0; i < sigNodes.size(); i++) {
            signals.add(ctx.text(sigNodes.get(i), "publicSignals[" + i + "]"));
        }
        if (signals.isEmpty()) {
            throw ctx.error("publicSignals", "expected at least one name");
        }
        String commitment = ctx.text(root.get("commitment"), "commitment");
        if (!DECIMAL.matcher(commitment).matches()) {
            throw ctx.error("commitment", "expected a field element in decimal but got \"" + commitment + "\"");
        }

        Set<String> circuitKeys = Set.of("constraints", "wires", "power", "r1csSha256");
        JsonNode c = ctx.object(root.get("circuit"), "circuit", circuitKeys, circuitKeys);
        Circuit circuit = new Circuit(ctx.longValue(c.get("constraints"), "circuit.constraints", 0),
                ctx.longValue(c.get("wires"), "circuit.wires", 1),
                ctx.intValue(c.get("power"), "circuit.power", 1, 28),
                sha256(ctx, c.get("r1csSha256"), "circuit.r1csSha256"));

        List<LayerCost> layers = new ArrayList<>();
        List<JsonNode> layerNodes = ctx.array(root.get("layers"), "layers");
        long sum = 0;
        for (int i = 0; i < layerNodes.size(); i++) {
            String f = "layers[" + i + "]";
            Set<String> lk = Set.of("name", "op", "outputShape", "constraints");
            JsonNode l = ctx.object(layerNodes.get(i), f, lk, lk);
            List<Integer> layerShape = new ArrayList<>();
            List<JsonNode> layerDims = ctx.array(l.get("outputShape"), f + ".outputShape");
            for (int j = 0; j < layerDims.size(); j++) {
                layerShape.add(ctx.intValue(layerDims.get(j), f + ".outputShape[" + j + "]", 0, Integer.MAX_VALUE));
            }
            LayerCost cost = new LayerCost(ctx.text(l.get("name"), f + ".name"), ctx.text(l.get("op"), f + ".op"),
                    layerShape, ctx.longValue(l.get("constraints"), f + ".constraints", 0));
            sum += cost.constraints();
            layers.add(cost);
        }
        if (sum != circuit.constraints()) {
            throw ctx.error("layers", "constraints add up to " + sum + " but circuit.constraints is "
                    + circuit.constraints());
        }

        Calibration calibration = null;
        JsonNode cal = root.get("calibration");
        if (!cal.isNull()) {
            Set<String> ck = Set.of("samples", "labelAgreement", "maxAbsError", "meanAbsError", "unsatisfiable");
            ctx.object(cal, "calibration", ck, ck);
            calibration = new Calibration(ctx.intValue(cal.get("samples"), "calibration.samples", 1, Integer.MAX_VALUE),
                    ctx.finiteNumber(cal.get("labelAgreement"), "calibration.labelAgreement"),
                    ctx.finiteNumber(cal.get("maxAbsError"), "calibration.maxAbsError"),
                    ctx.finiteNumber(cal.get("meanAbsError"), "calibration.meanAbsError"),
                    ctx.intValue(cal.get("unsatisfiable"), "calibration.unsatisfiable", 0, Integer.MAX_VALUE));
        }
        return new ModelMetadata(name, sha, shape, outputSize, settings, signals, commitment, circuit, layers,
                calibration);
    }

    /** An object of integers in {@code [min, max]}, by name. */
    private static Map<String, Integer> intMap(StrictJson ctx, JsonNode node, String field, int min, int max) {
        ctx.object(node, field, keysOf(node), Set.of());
        Map<String, Integer> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(),
                ctx.intValue(e.getValue(), field + "." + e.getKey(), min, max)));
        return out;
    }

    private static Set<String> keysOf(JsonNode node) {
        Set<String> keys = new java.util.HashSet<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static String sha256(StrictJson ctx, JsonNode node, String field) {
        String v = ctx.text(node, field);
        if (!SHA256.matcher(v).matches()) {
            throw ctx.error(field, "expected 64 lower-case hex digits (a SHA-256) but got \"" + v + "\"");
        }
        return v;
    }

}
