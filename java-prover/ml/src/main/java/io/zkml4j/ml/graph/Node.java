package io.zkml4j.ml.graph;

import java.util.List;
import java.util.Objects;

/**
 * One operator application, as an ONNX {@code NodeProto}: the op type spelled exactly as ONNX does
 * ({@code "Gemm"}, {@code "Conv"}, {@code "Relu"} …), input and output tensor names (an empty string
 * is an omitted optional input, as in ONNX), and typed attributes.
 *
 * @param name      the node name (may be empty; used in constraint names when present)
 * @param opType    the ONNX operator type, case-sensitive
 * @param inputs    tensor names read: graph input, initializers or earlier node outputs
 * @param outputs   tensor names written
 * @param attributes typed attributes
 */
public record Node(String name, String opType, List<String> inputs, List<String> outputs, Attributes attributes) {

    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(attributes, "attributes");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("Node " + opType + " '" + name + "' has no output");
        }
    }

    public static Node of(String opType, List<String> inputs, String output, Attributes attributes) {
        return new Node("", opType, inputs, List.of(output), attributes);
    }

    public static Node of(String opType, List<String> inputs, String output) {
        return of(opType, inputs, output, Attributes.empty());
    }

    /** Input {@code i}, or null when absent or given as the empty name. */
    public String input(int i) {
        return i < inputs.size() && !inputs.get(i).isEmpty() ? inputs.get(i) : null;
    }

    public String output() {
        return outputs.get(0);
    }

    /** The name used in messages and constraint namespaces: the node name, else its first output. */
    public String label() {
        return name.isEmpty() ? opType + ":" + outputs.get(0) : name;
    }
}
