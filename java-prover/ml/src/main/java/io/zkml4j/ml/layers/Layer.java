package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * One quantized operation, written twice: {@link #evaluate} (the integer reference, via
 * {@link io.zkml4j.ml.reference.ReferenceOps}) and {@link #define} (the circuit). Both take the
 * same row-major integers; tests check they agree.
 *
 * <p>A layer is built for a fixed input shape and a guaranteed input {@link Interval}; it states
 * the interval its outputs are guaranteed to lie in ({@link #outputBound()}), which the next layer
 * is built with. {@link #define} refuses an input tensor whose guaranteed bound is wider than the
 * one the layer was built for. Constraints are named {@code <name>/…}.
 */
public interface Layer {

    /** The constraint namespace (the ONNX node's name or output). */
    String name();

    int[] inputShape();

    Interval inputBound();

    int[] outputShape();

    /** Every output of {@link #define} lies here for any satisfying witness. */
    Interval outputBound();

    /**
     * The integer reference. Throws {@link BoundExceededException} exactly when the circuit would
     * be unsatisfiable because a value leaves a range the layer enforces.
     */
    long[] evaluate(long[] input);

    /** Emits the layer's constraints and returns its output variables. */
    VarTensor define(CircuitApi api, VarTensor input);

    /** The constraint count of {@link #define}, as documented by each layer. */
    long constraintCount();

    /**
     * The integers that fix this layer's circuit apart from its name and input bound — shapes, widths,
     * shifts, approximation constants, fixed weights and biases — in the order the implementation lists
     * them; hashed into the model commitment ({@code CompiledModel.commitment()}).
     */
    long[] parameters();

    /** The concatenation of {@code parts}, for {@link #parameters()}. */
    static long[] words(long[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    /** {@code [rank, dims…]}. */
    static long[] shapeWords(int[] shape) {
        return words(new long[] {shape.length}, java.util.Arrays.stream(shape).asLongStream().toArray());
    }

    /** Checks an input tensor against what the layer was built for. */
    static void requireInput(Layer layer, VarTensor input) {
        if (!java.util.Arrays.equals(layer.inputShape(), input.shape())) {
            throw new IllegalArgumentException(layer.name() + ": expected input shape "
                    + java.util.Arrays.toString(layer.inputShape()) + " but got "
                    + java.util.Arrays.toString(input.shape()));
        }
        Interval b = input.bound();
        if (b.lo() < layer.inputBound().lo() || b.hi() > layer.inputBound().hi()) {
            throw new IllegalArgumentException(layer.name() + ": input guaranteed only in " + b
                    + ", the layer was built for " + layer.inputBound());
        }
    }

    /** Checks an integer input's length. */
    static void requireInput(Layer layer, long[] input) {
        long n = io.zkml4j.ml.graph.Shapes.size(layer.inputShape());
        if (input.length != n) {
            throw new IllegalArgumentException(layer.name() + ": expected " + n + " inputs but got " + input.length);
        }
    }
}
