package io.zkml4j.ml.compile;

import java.util.Arrays;

/**
 * One row of {@link CompiledModel#layerCosts()}: a layer, or a part of the circuit around the layers
 * (the input range checks, a commitment, the label, the public outputs).
 *
 * @param name        the layer name (its constraint namespace), or {@code input}, {@code inputCommitment},
 *                    {@code label}, {@code outputCommitment}, {@code publicOutputs}
 * @param op          what it computes: the layer class without {@code Layer} ({@code Gemm}, {@code Relu},
 *                    {@code Activation(SIGMOID)} …), or {@code RangeCheck}, {@code Poseidon},
 *                    {@code Argmax}, {@code Output}
 * @param outputShape the shape of what it produces
 * @param constraints its exact constraint count
 */
public record LayerCost(String name, String op, int[] outputShape, long constraints) {
    public LayerCost {
        outputShape = outputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerCost c && name.equals(c.name) && op.equals(c.op)
                && Arrays.equals(outputShape, c.outputShape) && constraints == c.constraints;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + op.hashCode()) * 31 + Long.hashCode(constraints);
    }

    @Override
    public String toString() {
        return String.format("%-28s %-20s %-16s %,d", name, op, Arrays.toString(outputShape), constraints);
    }
}
