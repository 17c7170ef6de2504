package io.zkml4j.ml.compile;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.layers.ArgmaxLayer;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.QuantizedTensor;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.List;
import java.util.Map;

/**
 * A quantized model ready to run as integers or as a circuit; made by {@link ModelCompiler}.
 *
 * <p><b>Circuit.</b> Inputs: the quantized input elements, private or public per the settings,
 * each range-checked to {@code inputBits} (so every later bound rests on a constraint). Weights:
 * constants. Public outputs: the quantized logits {@code output[i]} (scale {@code 2^(−inputScale)}),
 * then {@code label} when the settings ask for it. Constraint names start with the layer name.
 */
public final class CompiledModel {
    private final ModelGraph graph;
    private final ModelSettings settings;
    private final List<Layer> layers;
    private final ArgmaxLayer argmax;
    private final String floatOutput;
    private final Map<String, String> accumulatorOf;

    CompiledModel(ModelGraph graph, ModelSettings settings, List<Layer> layers, ArgmaxLayer argmax, String floatOutput,
            Map<String, String> accumulatorOf) {
        this.graph = graph;
        this.settings = settings;
        this.layers = List.copyOf(layers);
        this.argmax = argmax;
        this.floatOutput = floatOutput;
        this.accumulatorOf = Map.copyOf(accumulatorOf);
    }

    public ModelGraph graph() {
        return graph;
    }

    public ModelSettings settings() {
        return settings;
    }

    /** The layers in order (without the argmax head). */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * For each rescaling layer (Relu fused or Rescale), the output name of the linear node whose
     * accumulators it receives — the key of {@link ModelSettings#accumulatorBits()}.
     */
    public Map<String, String> accumulatorOf() {
        return accumulatorOf;
    }

    /** The name of the float tensor the quantized output approximates (the logits before a dropped Softmax). */
    public String floatOutputName() {
        return floatOutput;
    }

    public int[] inputShape() {
        return graph.inputShape();
    }

    public int outputSize() {
        Layer last = layers.get(layers.size() - 1);
        return (int) io.zkml4j.ml.graph.Shapes.size(last.outputShape());
    }

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

    /** The integer reference: quantized logits for a quantized input (throws {@link io.zkml4j.ml.layers.BoundExceededException} where the circuit is unsatisfiable). */
    public long[] evaluate(long[] quantizedInput) {
        Interval r = Interval.signedBits(settings.inputBits());
        for (long v : quantizedInput) {
            if (!r.contains(v)) {
                throw new IllegalArgumentException("Input " + v + " is outside the " + settings.inputBits() + "-bit range");
            }
        }
        long[] v = quantizedInput;
        for (Layer l : layers) {
            v = l.evaluate(v);
        }
        return v;
    }

    /** The predicted class of quantized logits (ties → lowest index), as the circuit computes it. */
    public int label(long[] logits) {
        return io.zkml4j.ml.reference.ReferenceOps.argmax(logits);
    }

    /** Dequantized logits. */
    public float[] dequantize(long[] logits) {
        return QuantizedTensor.of(new int[] {logits.length}, logits, settings.inputScale()).dequantize();
    }

    /** The float model's logits for this sample (the tensor {@link #floatOutputName()}). */
    public float[] floatLogits(float[] x) {
        return FloatEvaluator.runAll(graph, x).get(floatOutput).data();
    }

    /** The circuit for one sample (quantized with {@link #quantizeInput}). */
    public Circuit circuit(float[] input) {
        return circuitFor(quantizeInput(input));
    }

    /** The circuit for a quantized input, or for no values at all ({@code null}: compile and count only). */
    public Circuit circuitFor(long[] quantizedInput) {
        if (quantizedInput != null && quantizedInput.length != graph.inputSize()) {
            throw new IllegalArgumentException("Expected " + graph.inputSize() + " inputs but got "
                    + quantizedInput.length);
        }
        return api -> define(api, quantizedInput);
    }

    private void define(CircuitApi api, long[] q) {
        int n = graph.inputSize();
        Var[] in = new Var[n];
        for (int i = 0; i < n; i++) {
            Fr value = q == null ? null : Fr.of(q[i]);
            in[i] = settings.inputVisibility() == Visibility.PUBLIC ? api.publicInput("input[" + i + "]", value)
                    : api.privateInput("input[" + i + "]", value);
        }
        try (var ns = api.namespace("input")) {
            BitsGadget bits = new BitsGadget(api);
            for (int i = 0; i < n; i++) {
                try (var e = api.namespace("[" + i + "]")) {
                    bits.assertInSignedRange(in[i], settings.inputBits());
                }
            }
        }
        VarTensor t = VarTensor.of(graph.inputShape(), in, Interval.signedBits(settings.inputBits()));
        for (Layer l : layers) {
            t = l.define(api, t);
        }
        for (int i = 0; i < t.size(); i++) {
            api.publicOutput("output[" + i + "]", t.get(i));
        }
        if (argmax != null) {
            api.publicOutput("label", argmax.define(api, t).get(0));
        }
    }

    /**
     * The constraint count: input range checks ({@code inputBits} each), the layers' documented
     * costs, the argmax and one per public output.
     */
    public long constraintCount() {
        long c = (long) graph.inputSize() * settings.inputBits();
        for (Layer l : layers) {
            c += l.constraintCount();
        }
        c += outputSize();
        if (argmax != null) {
            c += argmax.constraintCount() + 1;
        }
        return c;
    }

    /** The expected public signals of an honest run: the logits, then the label when output. */
    public List<Fr> publicSignals(long[] quantizedInput) {
        long[] logits = evaluate(quantizedInput);
        java.util.ArrayList<Fr> out = new java.util.ArrayList<>();
        for (long v : logits) {
            out.add(Fr.of(v));
        }
        if (argmax != null) {
            out.add(Fr.of(label(logits)));
        }
        if (settings.inputVisibility() == Visibility.PUBLIC) {
            for (long v : quantizedInput) {
                out.add(Fr.of(v));
            }
        }
        return out;
    }
}
