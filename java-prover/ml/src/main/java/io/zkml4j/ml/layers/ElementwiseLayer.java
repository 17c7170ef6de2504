package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * A layer that maps each element on its own and keeps the shape ({@link ReluLayer}, {@link RescaleLayer},
 * {@link AddLayer}): the name, shape and bounds they share, and the two loops they would otherwise repeat.
 */
abstract class ElementwiseLayer extends ShapedLayer {

    /** The shape of both input and output. */
    final int[] shape;
    final Interval outBound;

    /** Copies {@code shape}. */
    ElementwiseLayer(String name, int[] shape, Interval inputBound, Interval outputBound) {
        super(name, shape, shape, inputBound);
        this.shape = inShape;
        this.outBound = outputBound;
    }

    /**
     * Checks {@code 0 <= k < width} for a layer that drops {@code k} low bits of a {@code width}-bit
     * signed value.
     */
    static void checkShift(String name, int width, int k) {
        DivRoundGadget.checkWidth(width);
        if (k < 0 || k >= width) {
            throw new IllegalArgumentException(name + ": expected 0 <= k < B but got k = " + k + ", B = " + width);
        }
    }

    @Override
    public final Interval outputBound() {
        return outBound;
    }

    /**
     * The integer reference of a layer whose circuit decomposes each input into {@code width} signed
     * bits: throws {@link BoundExceededException} for an input outside that range (where the circuit is
     * unsatisfiable), else applies {@code op} to each element.
     */
    final long[] evaluateWithinWidth(long[] input, int width, LongUnaryOperator op) {
        Layer.requireInput(this, input);
        Interval enforced = Interval.signedBits(width);
        long[] out = new long[input.length];
        for (int i = 0; i < input.length; i++) {
            if (!enforced.contains(input[i])) {
                throw new BoundExceededException(name, input[i], width);
            }
            out[i] = op.applyAsLong(input[i]);
        }
        return out;
    }

    /** The circuit of one element: element {@code i} of the input in, the output element out. */
    interface ElementCircuit {
        Var apply(int i, Var x);
    }

    /**
     * Applies a per-element circuit inside the namespace {@code name}, element {@code i} in the namespace
     * {@code label[i]}; {@code perElement} is created once, inside the layer's namespace.
     */
    final VarTensor defineEach(CircuitApi api, VarTensor input, String label, Supplier<ElementCircuit> perElement) {
        Var[] out = new Var[input.size()];
        try (var ns = api.namespace(name)) {
            ElementCircuit f = perElement.get();
            for (int i = 0; i < out.length; i++) {
                try (var e = api.namespace(label + "[" + i + "]")) {
                    out[i] = f.apply(i, input.get(i));
                }
            }
        }
        return VarTensor.of(shape, out, outBound);
    }
}
