package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.FloorDivGadget;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * Rescales accumulators by {@code 2^k}: {@code y = ⌊acc / 2^k⌋} with a range-checked remainder
 * ({@link FloorDivGadget}); used after a linear layer that no ReLU follows.
 *
 * <p><b>Width.</b> {@code B} is the signed width the accumulators are enforced to fit: the gadget
 * decomposes {@code acc + 2^(B−1)} into {@code B} bits, so the circuit is unsatisfiable for any
 * {@code acc ∉ [−2^(B−1), 2^(B−1))} — whatever {@code B} is, the result is never wrong. {@code B}
 * comes from calibration (observed range plus margin) or from the worst-case bound of the input
 * interval ({@link Interval#signedWidth()}), in which case no honest input can fail.
 *
 * <p><b>Cost: B constraints per element.</b> Output bound: {@code ⌊(in ∩ [−2^(B−1), 2^(B−1)−1]) / 2^k⌋}.
 */
public final class RescaleLayer implements Layer {
    private final String name;
    private final int[] shape;
    private final Interval inBound;
    private final int width;
    private final int k;
    private final Interval outBound;

    public RescaleLayer(String name, int[] shape, Interval inputBound, int width, int k) {
        DivRoundGadget.checkWidth(width);
        if (k < 0 || k >= width) {
            throw new IllegalArgumentException(name + ": expected 0 <= k < B but got k = " + k + ", B = " + width);
        }
        this.name = name;
        this.shape = shape.clone();
        this.inBound = inputBound;
        this.width = width;
        this.k = k;
        this.outBound = inputBound.intersect(Interval.signedBits(width)).floorDiv(1L << k);
    }

    public int width() {
        return width;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] inputShape() {
        return shape.clone();
    }

    @Override
    public Interval inputBound() {
        return inBound;
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public Interval outputBound() {
        return outBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        Interval enforced = Interval.signedBits(width);
        long[] out = new long[input.length];
        for (int i = 0; i < input.length; i++) {
            if (!enforced.contains(input[i])) {
                throw new BoundExceededException(name, input[i], width);
            }
            out[i] = ReferenceOps.floorDivPow2(input[i], k);
        }
        return out;
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        Var[] out = new Var[input.size()];
        try (var ns = api.namespace(name)) {
            FloorDivGadget g = new FloorDivGadget(api, width, k);
            for (int i = 0; i < out.length; i++) {
                try (var e = api.namespace("rescale[" + i + "]")) {
                    out[i] = g.divide(input.get(i)).quotient();
                }
            }
        }
        return VarTensor.of(shape, out, outBound);
    }

    @Override
    public long constraintCount() {
        return (long) width * input(shape);
    }

    static long input(int[] shape) {
        return io.zkml4j.ml.graph.Shapes.size(shape);
    }
}
