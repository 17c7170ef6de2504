package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
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
public final class RescaleLayer extends ElementwiseLayer {
    private final int width;
    private final int k;

    public RescaleLayer(String name, int[] shape, Interval inputBound, int width, int k) {
        super(name, shape, inputBound, outputBound(name, inputBound, width, k));
        this.width = width;
        this.k = k;
    }

    private static Interval outputBound(String name, Interval inputBound, int width, int k) {
        checkShift(name, width, k);
        return inputBound.intersect(Interval.signedBits(width)).floorDiv(1L << k);
    }

    public int width() {
        return width;
    }

    @Override
    public long[] evaluate(long[] input) {
        return evaluateWithinWidth(input, width, x -> ReferenceOps.floorDivPow2(x, k));
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        return defineEach(api, input, "rescale", () -> {
            FloorDivGadget g = new FloorDivGadget(api, width, k);
            return (i, v) -> g.divide(v).quotient();
        });
    }

    @Override
    public long constraintCount() {
        return (long) width * input(shape);
    }

    static long input(int[] shape) {
        return io.zkml4j.ml.graph.Shapes.size(shape);
    }

    /** {@code [B, k]}. */
    @Override
    public long[] parameters() {
        return new long[] {width, k};
    }
}
