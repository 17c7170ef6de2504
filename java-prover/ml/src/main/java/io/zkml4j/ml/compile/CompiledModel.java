package io.zkml4j.ml.compile;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.ml.layers.ActivationLayer;
import io.zkml4j.ml.layers.ArgmaxLayer;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.QuantizedTensor;
import io.zkml4j.ml.tensor.VarTensor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongBiFunction;

/**
 * A quantized model ready to run as integers or as a circuit; made by {@link ModelCompiler}.
 *
 * <p><b>Circuit.</b> Inputs: the quantized input elements ({@code input[i]}), private, public or
 * hashed per the settings, each range-checked to {@code inputBits} (so every later bound rests on a
 * constraint); a private {@code salt} when some tensor is {@link Visibility#HASHED}. Weights: constants.
 * Public signals: see {@link #publicSignalLayout()} and {@link PublicSignalLayout}. The label, when
 * asked for, is {@link ReferenceOps#decision} of the logits — of the pre-activations when the last
 * layer is a Sigmoid or Tanh (see {@link ModelCompiler}). Constraint names start with the layer name.
 *
 * <p><b>What the CLI calls:</b> {@link #quantizeInput}, then {@link #circuitFor(long[], Fr)} with a fresh
 * salt ({@link Commitments#randomSalt}) when {@link ModelSettings#needsSalt()}, {@link #publicSignals} for
 * the expected {@code public.json}, {@link #publicSignalLayout()} for their names, {@link #inputCommitment}
 * / {@link #outputCommitment} to recompute the commitments, {@link #commitment()} for the model's
 * identity and {@link #layerCosts()} for the constraint report.
 */
public final class CompiledModel {
    private final ModelGraph graph;
    private final ModelSettings settings;
    private final List<Layer> layers;
    private final ArgmaxLayer argmax;
    private final String floatOutput;
    private final String floatDecision;
    private final Map<String, String> accumulatorOf;
    private volatile List<LayerCost> costs;

    CompiledModel(ModelGraph graph, ModelSettings settings, List<Layer> layers, ArgmaxLayer argmax, String floatOutput,
            String floatDecision, Map<String, String> accumulatorOf) {
        this.graph = graph;
        this.settings = settings;
        this.layers = List.copyOf(layers);
        this.argmax = argmax;
        this.floatOutput = floatOutput;
        this.floatDecision = floatDecision;
        this.accumulatorOf = Map.copyOf(accumulatorOf);
    }

    public ModelGraph graph() {
        return graph;
    }

    public ModelSettings settings() {
        return settings;
    }

    /** The layers in order (without the label head). */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * For each rescaling layer (Relu, Sigmoid or Tanh fused, or Rescale), the output name of the linear
     * node whose accumulators it receives — the key of {@link ModelSettings#accumulatorBits()}.
     */
    public Map<String, String> accumulatorOf() {
        return accumulatorOf;
    }

    /** The name of the float tensor the quantized output approximates (the logits before a dropped Softmax). */
    public String floatOutputName() {
        return floatOutput;
    }

    /** The name of the float tensor the label is taken on (the logits, before a final Sigmoid or Tanh). */
    public String floatDecisionName() {
        return floatDecision;
    }

    public int[] inputShape() {
        return graph.inputShape();
    }

    public int outputSize() {
        return (int) Shapes.size(last().outputShape());
    }

    private Layer last() {
        return layers.get(layers.size() - 1);
    }

    /** Whether the label is taken on the last layer's pre-activations (a final Sigmoid or Tanh). */
    private boolean decidesOnPreActivation() {
        return last() instanceof ActivationLayer;
    }

    // ---- Integers ---------------------------------------------------------------------------------

    /** Quantizes an input sample at the activation scale, saturating to the {@code inputBits} range. */
    public long[] quantizeInput(float[] x) {
        if (x.length != graph.inputSize()) {
            throw new IllegalArgumentException("Expected " + graph.inputSize() + " input values but got " + x.length);
        }
        Interval r = Interval.signedBits(settings.inputBits());
        long[] q = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = Math.max(r.lo(), Math.min(r.hi(), QuantizedTensor.quantize(x[i], settings.inputScale())));
        }
        return q;
    }

    /**
     * The integer reference of one input.
     *
     * @param output the quantized outputs (scale {@code 2^(−inputScale)}), as the circuit computes them
     * @param logits the values the label is taken on: the outputs, or the pre-activations of a final
     *               Sigmoid or Tanh
     * @param label  {@link ReferenceOps#decision} of the logits (computed even when the settings do not
     *               output it)
     */
    public record Inference(long[] output, long[] logits, int label) {}

    /** Runs the integer reference (throws {@link io.zkml4j.ml.layers.BoundExceededException} where the circuit is unsatisfiable). */
    public Inference infer(long[] quantizedInput) {
        requireInput(quantizedInput);
        long[] v = quantizedInput;
        long[] logits = null;
        for (Layer l : layers) {
            if (l == last() && l instanceof ActivationLayer a) {
                logits = a.preActivation(v);
            }
            v = l.evaluate(v);
        }
        logits = logits == null ? v : logits;
        return new Inference(v, logits, ReferenceOps.decision(logits));
    }

    private void requireInput(long[] q) {
        if (q.length != graph.inputSize()) {
            throw new IllegalArgumentException("Expected " + graph.inputSize() + " inputs but got " + q.length);
        }
        Interval r = Interval.signedBits(settings.inputBits());
        for (int i = 0; i < q.length; i++) {
            if (!r.contains(q[i])) {
                throw new IllegalArgumentException("Input " + i + " = " + q[i] + " is outside the "
                        + settings.inputBits() + "-bit range " + r);
            }
        }
    }

    /** The quantized outputs (throws {@link io.zkml4j.ml.layers.BoundExceededException} where the circuit is unsatisfiable). */
    public long[] evaluate(long[] quantizedInput) {
        return infer(quantizedInput).output();
    }

    /** The predicted class of an input, as the circuit's {@code label} (see {@link #infer}). */
    public int predict(long[] quantizedInput) {
        return infer(quantizedInput).label();
    }

    /** {@link ReferenceOps#decision} of logits: argmax (ties → lowest index), or {@code x > 0} for one logit. */
    public int label(long[] logits) {
        return ReferenceOps.decision(logits);
    }

    /** Dequantized outputs. */
    public float[] dequantize(long[] outputs) {
        return QuantizedTensor.of(new int[] {outputs.length}, outputs, settings.inputScale()).dequantize();
    }

    /** The float model's values that the quantized outputs approximate (the tensor {@link #floatOutputName()}). */
    public float[] floatLogits(float[] x) {
        return FloatEvaluator.runAll(graph, x).get(floatOutput).data();
    }

    /**
     * The float model's decision: argmax (or {@code > 0} for one value) of the tensor
     * {@link #floatDecisionName()} — the logits; equal to the argmax of a following Sigmoid, Tanh or Softmax
     * up to float rounding (which can tie saturated values: σ(18) and σ(20) are both 1.0f).
     */
    public int floatLabel(float[] x) {
        float[] z = FloatEvaluator.runAll(graph, x).get(floatDecision).data();
        return z.length == 1 ? (z[0] > 0 ? 1 : 0) : FloatEvaluator.argmax(z);
    }

    // ---- Commitments ------------------------------------------------------------------------------

    /** The width {@code b} of committed outputs: the outputs' guaranteed interval joined with the label's. */
    public int outputCommitmentBits() {
        Interval b = last().outputBound();
        if (argmax != null) {
            b = b.union(argmax.outputBound());
        }
        return b.signedWidth();
    }

    /** {@link Commitments#commit}{@code (salt, input, inputBits)}: the {@code inputCommitment} signal. */
    public Fr inputCommitment(long[] quantizedInput, Fr salt) {
        requireInput(quantizedInput);
        requireSalt(salt);
        return Commitments.commit(salt, quantizedInput, settings.inputBits());
    }

    /**
     * {@link Commitments#commit}{@code (salt, outputs ‖ label, outputCommitmentBits())} — the label appended
     * when the settings output it: the {@code outputCommitment} signal.
     */
    public Fr outputCommitment(long[] quantizedInput, Fr salt) {
        requireSalt(salt);
        return Commitments.commit(salt, committedOutputs(infer(quantizedInput)), outputCommitmentBits());
    }

    private static void requireSalt(Fr salt) {
        if (salt == null) {
            throw new IllegalArgumentException("A commitment needs the proof's salt (Commitments.randomSalt)");
        }
    }

    private long[] committedOutputs(Inference r) {
        if (argmax == null) {
            return r.output();
        }
        long[] v = Arrays.copyOf(r.output(), r.output().length + 1);
        v[v.length - 1] = r.label();
        return v;
    }

    /**
     * The model commitment: {@link Commitments#chain} (Poseidon, no salt) of the field elements
     * <pre>
     *   ascii("zkml4j.model.v1"), input rank, input dims…, inputScale, inputBits, weightScale,
     *   input visibility (0 private, 1 public, 2 hashed), output visibility, outputLabel (0/1),
     *   number of layers L (the label head counts as a layer when present),
     *   then per layer: ascii(class name, e.g. "GemmLayer"), number of words w, its w {@link Layer#parameters()}
     * </pre>
     * where {@code ascii(s)} is the big-endian integer of the string's bytes and an integer {@code v} is
     * {@code v mod r}. It covers every quantized weight and bias, every width, shift (a layer's own weight
     * scale is its rescale shift) and approximation constant and the visibility: two models with one differing weight or setting differ. Computed
     * natively (the weights are circuit constants: no constraint).
     */
    public Fr commitment() {
        List<Fr> e = new ArrayList<>();
        e.add(ascii("zkml4j.model.v1"));
        int[] in = graph.inputShape();
        e.add(Fr.of(in.length));
        for (int d : in) {
            e.add(Fr.of(d));
        }
        e.add(Fr.of(settings.inputScale()));
        e.add(Fr.of(settings.inputBits()));
        e.add(Fr.of(settings.weightScale()));
        e.add(Fr.of(settings.inputVisibility().ordinal()));
        e.add(Fr.of(settings.outputVisibility().ordinal()));
        e.add(Fr.of(settings.outputLabel() ? 1 : 0));
        List<Layer> all = new ArrayList<>(layers);
        if (argmax != null) {
            all.add(argmax);
        }
        e.add(Fr.of(all.size()));
        for (Layer l : all) {
            long[] p = l.parameters();
            e.add(ascii(l.getClass().getSimpleName()));
            e.add(Fr.of(p.length));
            for (long v : p) {
                e.add(Fr.of(v));
            }
        }
        return Commitments.chain(e);
    }

    private static Fr ascii(String s) {
        return Fr.of(new BigInteger(1, s.getBytes(StandardCharsets.US_ASCII)));
    }

    // ---- Circuit ----------------------------------------------------------------------------------

    /** The names of the public signals in proof order. */
    public PublicSignalLayout publicSignalLayout() {
        List<String> names = new ArrayList<>();
        if (settings.outputVisibility() == Visibility.HASHED) {
            names.add(PublicSignalLayout.OUTPUT_COMMITMENT);
        } else {
            for (int i = 0; i < outputSize(); i++) {
                names.add(PublicSignalLayout.output(i));
            }
            if (argmax != null) {
                names.add(PublicSignalLayout.LABEL);
            }
        }
        if (settings.inputVisibility() == Visibility.HASHED) {
            names.add(PublicSignalLayout.INPUT_COMMITMENT);
        }
        if (settings.inputVisibility() == Visibility.PUBLIC) {
            for (int i = 0; i < graph.inputSize(); i++) {
                names.add(PublicSignalLayout.input(i));
            }
        }
        return new PublicSignalLayout(names);
    }

    /** The circuit for one sample (quantized with {@link #quantizeInput}) of a model with no hashed tensor. */
    public Circuit circuit(float[] input) {
        return circuitFor(quantizeInput(input), null);
    }

    /** The circuit for one sample under a salt (null when {@link ModelSettings#needsSalt()} is false). */
    public Circuit circuit(float[] input, Fr salt) {
        return circuitFor(quantizeInput(input), salt);
    }

    /**
     * The circuit for a quantized input of a model with no hashed tensor, or for no values at all
     * ({@code null}: compile and count only).
     */
    public Circuit circuitFor(long[] quantizedInput) {
        return circuitFor(quantizedInput, null);
    }

    /**
     * The circuit for a quantized input and the proof's salt, or for no values at all
     * ({@code quantizedInput} and {@code salt} null: compile and count only).
     *
     * @param salt a fresh random field element ({@link Commitments#randomSalt}) when
     *             {@link ModelSettings#needsSalt()}; must be null otherwise
     */
    public Circuit circuitFor(long[] quantizedInput, Fr salt) {
        if (quantizedInput != null) {
            if (quantizedInput.length != graph.inputSize()) {
                throw new IllegalArgumentException("Expected " + graph.inputSize() + " inputs but got "
                        + quantizedInput.length);
            }
            // values outside inputBits are left to the circuit, whose range check refuses them
            if (settings.needsSalt() && salt == null) {
                throw new IllegalArgumentException("The settings hash a tensor (input " + settings.inputVisibility()
                        + ", output " + settings.outputVisibility() + "): the circuit needs a salt");
            }
        }
        if (!settings.needsSalt() && salt != null) {
            throw new IllegalArgumentException("No tensor is hashed: a salt would be an unused private input");
        }
        return api -> define(api, quantizedInput, salt);
    }

    private void define(CircuitApi api, long[] q, Fr salt) {
        int n = graph.inputSize();
        Var[] in = new Var[n];
        for (int i = 0; i < n; i++) {
            Fr value = q == null ? null : Fr.of(q[i]);
            String name = PublicSignalLayout.input(i);
            in[i] = settings.inputVisibility() == Visibility.PUBLIC ? api.publicInput(name, value)
                    : api.privateInput(name, value);
        }
        Var saltVar = settings.needsSalt() ? api.privateInput("salt", salt) : null;
        try (var ns = api.namespace("input")) {
            BitsGadget bits = new BitsGadget(api);
            for (int i = 0; i < n; i++) {
                try (var e = api.namespace("[" + i + "]")) {
                    bits.assertInSignedRange(in[i], settings.inputBits());
                }
            }
        }
        Var inputCommitment = null;
        if (settings.inputVisibility() == Visibility.HASHED) {
            try (var ns = api.namespace(PublicSignalLayout.INPUT_COMMITMENT)) {
                inputCommitment = Commitments.commit(api, saltVar, List.of(in), settings.inputBits());
            }
        }
        VarTensor t = VarTensor.of(graph.inputShape(), in, Interval.signedBits(settings.inputBits()));
        VarTensor logits = null;
        for (Layer l : layers) {
            if (l == last() && l instanceof ActivationLayer a) {
                ActivationLayer.Outputs o = a.defineWithPreActivation(api, t);
                t = o.output();
                logits = o.preActivation();
            } else {
                t = l.define(api, t);
            }
        }
        logits = logits == null ? t : logits;
        Var label = argmax == null ? null : argmax.define(api, logits).get(0);
        if (settings.outputVisibility() == Visibility.HASHED) {
            List<Var> committed = new ArrayList<>(t.asList());
            if (label != null) {
                committed.add(label);
            }
            Var c;
            try (var ns = api.namespace(PublicSignalLayout.OUTPUT_COMMITMENT)) {
                c = Commitments.commit(api, saltVar, committed, outputCommitmentBits());
            }
            api.publicOutput(PublicSignalLayout.OUTPUT_COMMITMENT, c);
        } else {
            for (int i = 0; i < t.size(); i++) {
                api.publicOutput(PublicSignalLayout.output(i), t.get(i));
            }
            if (label != null) {
                api.publicOutput(PublicSignalLayout.LABEL, label);
            }
        }
        if (inputCommitment != null) {
            api.publicOutput(PublicSignalLayout.INPUT_COMMITMENT, inputCommitment);
        }
    }

    /**
     * The expected public signals of an honest run, in {@link #publicSignalLayout()} order.
     *
     * @param salt the proof's salt when {@link ModelSettings#needsSalt()}, else null
     */
    public List<Fr> publicSignals(long[] quantizedInput, Fr salt) {
        if (settings.needsSalt()) {
            requireSalt(salt);
        }
        Inference r = infer(quantizedInput);
        List<Fr> out = new ArrayList<>();
        if (settings.outputVisibility() == Visibility.HASHED) {
            out.add(Commitments.commit(salt, committedOutputs(r), outputCommitmentBits()));
        } else {
            for (long v : r.output()) {
                out.add(Fr.of(v));
            }
            if (argmax != null) {
                out.add(Fr.of(r.label()));
            }
        }
        if (settings.inputVisibility() == Visibility.HASHED) {
            out.add(inputCommitment(quantizedInput, salt));
        }
        if (settings.inputVisibility() == Visibility.PUBLIC) {
            for (long v : quantizedInput) {
                out.add(Fr.of(v));
            }
        }
        return out;
    }

    /** {@link #publicSignals(long[], Fr)} of a model with no hashed tensor. */
    public List<Fr> publicSignals(long[] quantizedInput) {
        return publicSignals(quantizedInput, null);
    }

    // ---- Costs ------------------------------------------------------------------------------------

    /**
     * The exact constraints of the circuit, part by part, in circuit order: {@code input} (range checks,
     * {@code inputBits} per element), {@code inputCommitment} (when hashed), each layer, {@code label}
     * (when output), {@code outputCommitment} (when hashed) and {@code publicOutputs} (one per public
     * output signal). They sum to {@link #constraintCount()}.
     *
     * <p>The figures are counted, not predicted: one {@link CountingBuilder} run groups the constraints by
     * the namespace each part is defined in. They equal the layers' documented
     * {@link Layer#constraintCount()} except where the circuit folds constants away (say a neuron whose
     * quantized weights are all zero: its activation then costs nothing). Should two parts share a name
     * (ONNX does not require unique node names), the shared rows fall back to the documented costs.
     */
    public List<LayerCost> layerCosts() {
        List<LayerCost> rows = costs;
        if (rows == null) {
            rows = costs = List.copyOf(countLayerCosts());
        }
        return rows;
    }

    private List<LayerCost> countLayerCosts() {
        Map<String, Integer> counted = CountingBuilder.countByNamespace(circuitFor(null, null));
        List<String> parts = new ArrayList<>();
        parts.add("input");
        parts.add(PublicSignalLayout.INPUT_COMMITMENT);
        layers.forEach(l -> parts.add(l.name()));
        if (argmax != null) {
            parts.add(argmax.name());
        }
        parts.add(PublicSignalLayout.OUTPUT_COMMITMENT);
        Set<String> ambiguous = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String p : parts) {
            if (!seen.add(p)) {
                ambiguous.add(p);
            }
        }
        // a part's counted constraints, or its documented cost when its name is not unique
        ToLongBiFunction<String, Long> cost = (name, documented) -> ambiguous.contains(name) ? documented
                : counted.getOrDefault(name, 0);
        List<LayerCost> rows = new ArrayList<>();
        int n = graph.inputSize();
        rows.add(new LayerCost("input", "RangeCheck(" + settings.inputBits() + ")", graph.inputShape(),
                cost.applyAsLong("input", (long) n * settings.inputBits())));
        if (settings.inputVisibility() == Visibility.HASHED) {
            String name = PublicSignalLayout.INPUT_COMMITMENT;
            rows.add(new LayerCost(name, "Poseidon", new int[] {1},
                    cost.applyAsLong(name, Commitments.commitCost(n, settings.inputBits()))));
        }
        for (Layer l : layers) {
            String op = l.getClass().getSimpleName().replace("Layer", "");
            if (l instanceof ActivationLayer a) {
                op += "(" + a.function() + ")";
            }
            rows.add(new LayerCost(l.name(), op, l.outputShape(), cost.applyAsLong(l.name(), l.constraintCount())));
        }
        if (argmax != null) {
            rows.add(new LayerCost(PublicSignalLayout.LABEL, outputSize() == 1 ? "Threshold" : "Argmax",
                    new int[] {1}, cost.applyAsLong(argmax.name(), argmax.constraintCount())));
        }
        int outputs = outputSize() + (argmax != null ? 1 : 0);
        if (settings.outputVisibility() == Visibility.HASHED) {
            String name = PublicSignalLayout.OUTPUT_COMMITMENT;
            rows.add(new LayerCost(name, "Poseidon", new int[] {1},
                    cost.applyAsLong(name, Commitments.commitCost(outputs, outputCommitmentBits()))));
            outputs = 1;
        }
        outputs += settings.inputVisibility() == Visibility.HASHED ? 1 : 0;
        rows.add(new LayerCost("publicOutputs", "Output", new int[] {outputs}, counted.getOrDefault("", 0)));
        return rows;
    }

    /** The total constraint count: the sum of {@link #layerCosts()}. */
    public long constraintCount() {
        return layerCosts().stream().mapToLong(LayerCost::constraints).sum();
    }

    @Override
    public String toString() {
        return "CompiledModel(" + graph + ", " + settings + ")";
    }
}
