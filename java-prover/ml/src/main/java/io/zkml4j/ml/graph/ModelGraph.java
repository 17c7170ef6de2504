package io.zkml4j.ml.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable inference graph with float weights: what an importer (ONNX, or Java code) produces
 * and what calibration and the circuit compiler consume.
 *
 * <ul>
 *   <li>one graph input, with a concrete shape (an importer resolves symbolic dimensions — the batch
 *       dimension becomes 1, e.g. {@code [1, 16]} for an MLP, {@code [1, 1, 8, 8]} for a CNN);</li>
 *   <li>named initializers (weights, biases, and integer operands such as a Reshape shape);</li>
 *   <li>nodes in a topological order (ONNX guarantees it; {@link Builder#build()} checks it: every
 *       input of a node is the graph input, an initializer, or an output of an earlier node);</li>
 *   <li>one or more output names.</li>
 * </ul>
 *
 * <p>The op type strings and attribute names are ONNX's, with ONNX's defaults, so an ONNX
 * {@code GraphProto} maps onto this type one to one. Supported op types are listed in
 * {@link FloatEvaluator}.
 */
public final class ModelGraph {
    private final String inputName;
    private final int[] inputShape;
    private final Map<String, FloatTensor> initializers;
    private final List<Node> nodes;
    private final List<String> outputNames;

    private ModelGraph(Builder b) {
        this.inputName = b.inputName;
        this.inputShape = b.inputShape.clone();
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(b.initializers));
        this.nodes = List.copyOf(b.nodes);
        this.outputNames = List.copyOf(b.outputNames);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String inputName() {
        return inputName;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Number of elements of one input sample. */
    public int inputSize() {
        return (int) Shapes.size(inputShape);
    }

    /** Initializers by name, in insertion order (unmodifiable). */
    public Map<String, FloatTensor> initializers() {
        return initializers;
    }

    public boolean isInitializer(String name) {
        return initializers.containsKey(name);
    }

    /** The initializer {@code name}; throws naming it when absent. */
    public FloatTensor initializer(String name) {
        FloatTensor t = initializers.get(name);
        if (t == null) {
            throw new IllegalArgumentException("No initializer named '" + name + "'");
        }
        return t;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The first (for the supported chains, the only) output name. */
    public String outputName() {
        return outputNames.get(0);
    }

    /** A builder starting from this graph (to fold, rename or add nodes). */
    public Builder toBuilder() {
        Builder b = new Builder().input(inputName, inputShape);
        initializers.forEach(b::initializer);
        nodes.forEach(b::node);
        outputNames.forEach(b::output);
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ModelGraph(").append(inputName).append(Arrays.toString(inputShape));
        for (Node n : nodes) {
            sb.append(" → ").append(n.opType());
        }
        return sb.append(" → ").append(outputNames).append(')').toString();
    }

    /** Collects a graph; {@link #build()} validates names and order. */
    public static final class Builder {
        private String inputName;
        private int[] inputShape;
        private final Map<String, FloatTensor> initializers = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<String> outputNames = new ArrayList<>();

        private Builder() {}

        public Builder input(String name, int... shape) {
            this.inputName = Objects.requireNonNull(name, "input name");
            Shapes.size(shape);
            this.inputShape = shape.clone();
            return this;
        }

        public Builder initializer(String name, FloatTensor tensor) {
            if (initializers.put(Objects.requireNonNull(name), Objects.requireNonNull(tensor)) != null) {
                throw new IllegalArgumentException("Duplicate initializer '" + name + "'");
            }
            return this;
        }

        public Builder node(Node node) {
            nodes.add(Objects.requireNonNull(node));
            return this;
        }

        public Builder output(String name) {
            outputNames.add(Objects.requireNonNull(name));
            return this;
        }

        public ModelGraph build() {
            if (inputName == null) {
                throw new IllegalStateException("The graph has no input");
            }
            if (outputNames.isEmpty()) {
                throw new IllegalStateException("The graph has no output");
            }
            if (initializers.containsKey(inputName)) {
                throw new IllegalStateException("Input '" + inputName + "' is also an initializer");
            }
            Set<String> known = new HashSet<>(initializers.keySet());
            known.add(inputName);
            for (Node n : nodes) {
                for (String in : n.inputs()) {
                    if (!in.isEmpty() && !known.contains(in)) {
                        throw new IllegalStateException("Node " + n.label() + " reads '" + in
                                + "', which is neither the input, an initializer, nor an earlier output");
                    }
                }
                for (String out : n.outputs()) {
                    if (!out.isEmpty() && !known.add(out)) {
                        throw new IllegalStateException("Tensor '" + out + "' is written twice (node "
                                + n.label() + ")");
                    }
                }
            }
            for (String out : outputNames) {
                if (!known.contains(out)) {
                    throw new IllegalStateException("Output '" + out + "' is never produced");
                }
            }
            return new ModelGraph(this);
        }
    }
}
