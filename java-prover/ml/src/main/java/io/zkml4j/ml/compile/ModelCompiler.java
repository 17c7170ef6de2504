package io.zkml4j.ml.compile;

import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.ml.layers.ActivationLayer;
import io.zkml4j.ml.layers.AddLayer;
import io.zkml4j.ml.layers.ArgmaxLayer;
import io.zkml4j.ml.layers.AvgPoolLayer;
import io.zkml4j.ml.layers.ConvLayer;
import io.zkml4j.ml.layers.GemmLayer;
import io.zkml4j.ml.layers.IndexMapLayer;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.layers.MaxPoolLayer;
import io.zkml4j.ml.layers.RescaleLayer;
import io.zkml4j.ml.layers.ReluLayer;
import io.zkml4j.ml.reference.Activation;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.QuantizedTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ModelGraph} and {@link ModelSettings} into a {@link CompiledModel}: a chain of
 * quantized layers with fixed weights, each with its integer reference and its circuit.
 *
 * <p>The graph is first {@linkplain GraphTransforms#canonicalize canonicalized} (BatchNorm and bias
 * Adds folded at float level). It must then be a sequential chain — each node reads the previous
 * node's output (the first reads the graph input) plus initializers — of: Gemm, Conv (group 1),
 * Relu, Sigmoid, Tanh, MaxPool, AveragePool, Pad (constant), Flatten, Reshape, Add (of an
 * initializer), and at the end optionally Softmax, which is dropped (it is monotone: the label is the
 * argmax of the logits, and the circuit outputs the logits). Anything else is rejected naming the node.
 *
 * <p>Linear layers: weights {@code round(W·2^sw)} ({@code sw} = {@link ModelSettings#weightScaleOf}), bias {@code round(b·2^(s+sw)) + 2^(sw−1)} (the
 * rounding offset makes the following floor-rescale round half up), then a {@link ReluLayer} with
 * shift {@code sw} when a Relu follows (fused), an {@link ActivationLayer} with shift {@code sw} when a
 * Sigmoid or Tanh follows (fused), else a {@link RescaleLayer}.
 *
 * <p><b>Exact decisions.</b> When the last layer is a Sigmoid or Tanh, the label is taken on its
 * pre-activations (the logits at scale {@code 2^(−s)}, which the layer exposes for free), not on the
 * approximated values: both functions are increasing, so the argmax — or, for a single output, the
 * test {@code logit > 0} ⇔ {@code σ > 1/2} — is the float model's decision on its logits, without the
 * approximation error and without ties from saturation. The public outputs are still the approximated
 * activations (what the float model outputs).
 */
public final class ModelCompiler {
    private ModelCompiler() {}

    public static CompiledModel compile(ModelGraph graph, ModelSettings settings) {
        ModelGraph g = GraphTransforms.canonicalize(graph);
        int s = settings.inputScale();
        List<Layer> layers = new ArrayList<>();
        Map<String, String> accumulatorOf = new HashMap<>();
        int[] shape = g.inputShape();
        Interval bound = Interval.signedBits(settings.inputBits());
        String current = g.inputName();
        String floatOutput = current;
        List<Node> nodes = g.nodes();
        String decision = null; // the input of the last layer when it is a Sigmoid or Tanh
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String label = n.name().isEmpty() ? n.output() : n.name();
            if (!current.equals(n.input(0))) {
                throw new UnsupportedOperationException("Node " + n.label() + " does not read the previous output '"
                        + current + "': only sequential chains are supported");
            }
            for (int j = 1; j < n.inputs().size(); j++) {
                if (n.input(j) != null && !g.isInitializer(n.input(j))) {
                    throw new UnsupportedOperationException("Node " + n.label() + ": input '" + n.input(j)
                            + "' must be an initializer");
                }
            }
            Layer layer;
            switch (n.opType()) {
                case "Gemm", "Conv" -> {
                    int sw = settings.weightScaleOf(n.output());
                    Layer linear = linear(g, n, label, shape, bound, s, sw);
                    layers.add(linear);
                    int worst = linear.outputBound().signedWidth();
                    // never wider than the worst case (pointless), never narrower than the shift needs
                    int width = Math.max(Math.min(settings.accumulatorBits().getOrDefault(n.output(), worst), worst),
                            sw + 1);
                    if (width > 62) {
                        throw new UnsupportedOperationException(n.label() + ": accumulators need " + width
                                + " bits; lower the scales");
                    }
                    String accumulator = n.output();
                    Node next = i + 1 < nodes.size() && n.output().equals(nodes.get(i + 1).input(0))
                            ? nodes.get(i + 1) : null;
                    String nextOp = next == null ? "" : next.opType();
                    Activation act = Activation.ofOnnxOp(nextOp);
                    if (nextOp.equals("Relu")) {
                        i++;
                        layer = new ReluLayer(labelOf(next), linear.outputShape(), linear.outputBound(), width, sw);
                        n = next;
                    } else if (act != null) {
                        i++;
                        layer = new ActivationLayer(labelOf(next), linear.outputShape(), linear.outputBound(), width, sw,
                                s, act);
                        decision = n.output();
                        n = next;
                    } else {
                        layer = new RescaleLayer(label + "/rescale", linear.outputShape(), linear.outputBound(),
                                width, sw);
                    }
                    accumulatorOf.put(layer.name(), accumulator);
                }
                case "Relu" -> layer = ReluLayer.plain(label, shape, bound);
                case "Sigmoid", "Tanh" -> {
                    layer = ActivationLayer.plain(label, shape, bound, s, Activation.ofOnnxOp(n.opType()));
                    decision = current;
                }
                case "MaxPool" -> layer = new MaxPoolLayer(label, shape, bound,
                        FloatEvaluator.PoolParams.of(n.attributes()));
                case "AveragePool" -> layer = new AvgPoolLayer(label, shape, bound,
                        FloatEvaluator.PoolParams.of(n.attributes()));
                case "Flatten" -> layer = IndexMapLayer.reshape(label, shape,
                        Shapes.flatten(shape, (int) n.attributes().getInt("axis", 1)), bound);
                case "Reshape" -> layer = IndexMapLayer.reshape(label, shape,
                        Shapes.reshape(shape, FloatEvaluator.reshapeTarget(n, g.initializers()::get)), bound);
                case "Pad" -> layer = IndexMapLayer.pad(label, shape,
                        FloatEvaluator.padAmounts(n, g.initializers()::get),
                        QuantizedTensor.quantize(FloatEvaluator.padValue(n, g.initializers()::get), s), bound);
                case "Add" -> {
                    FloatTensor c = g.initializer(n.input(1));
                    layer = new AddLayer(label, shape, bound,
                            QuantizedTensor.quantize(c.shape(), c.data(), s).values(), c.shape());
                }
                case "Softmax" -> {
                    if (i != nodes.size() - 1) {
                        throw new UnsupportedOperationException(n.label() + ": Softmax is supported only as the last node");
                    }
                    current = n.output();
                    continue;
                }
                default -> throw new UnsupportedOperationException("Node " + n.label() + ": op type " + n.opType()
                        + " is not supported by the circuit compiler");
            }
            layers.add(layer);
            shape = layer.outputShape();
            bound = layer.outputBound();
            current = n.output();
            floatOutput = n.output();
        }
        if (!g.outputNames().contains(current)) {
            throw new UnsupportedOperationException("The chain ends at '" + current + "', not at a graph output "
                    + g.outputNames());
        }
        Layer last = layers.get(layers.size() - 1);
        boolean fromPre = last instanceof ActivationLayer;
        String floatDecision = fromPre ? decision : floatOutput;
        Interval decisionBound = fromPre ? ((ActivationLayer) last).preActivationBound() : bound;
        ArgmaxLayer argmax = settings.outputLabel() ? new ArgmaxLayer("argmax", shape, decisionBound) : null;
        return new CompiledModel(graph, settings, layers, argmax, floatOutput, floatDecision, accumulatorOf);
    }

    private static String labelOf(Node n) {
        return n.name().isEmpty() ? n.output() : n.name();
    }

    private static Layer linear(ModelGraph g, Node n, String label, int[] shape, Interval bound, int s, int sw) {
        FloatTensor w = GraphTransforms.weights(g, n);
        float[] b = GraphTransforms.bias(g, n);
        long[] wq = QuantizedTensor.quantize(w.shape(), w.data(), sw).values();
        long[] bq = new long[b.length];
        for (int j = 0; j < b.length; j++) {
            bq[j] = Math.addExact(QuantizedTensor.quantize(b[j], s + sw), ReferenceOps.roundingOffset(sw));
        }
        if (n.opType().equals("Gemm")) {
            if (shape.length != 2) {
                throw new UnsupportedOperationException(n.label() + ": Gemm input of rank " + shape.length
                        + " (add a Flatten)");
            }
            return new GemmLayer(label, shape, bound, wq, w.dim(0), bq);
        }
        return new ConvLayer(label, shape, bound, wq, w.shape(), bq, GraphTransforms.convParams(g, n));
    }
}
