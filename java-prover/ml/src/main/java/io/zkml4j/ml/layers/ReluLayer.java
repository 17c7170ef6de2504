package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.ReluRescaleGadget;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * ReLU, fused with a rescale by {@code 2^k} when it follows a linear layer:
 * {@code y = acc ≥ 0 ? ⌊acc / 2^k⌋ : 0} ({@link ReluRescaleGadget}); {@code k = 0} is a plain ReLU.
 *
 * <p><b>Width.</b> As {@link RescaleLayer}: the gadget enforces {@code acc ∈ [−2^(B−1), 2^(B−1))}
 * (unsatisfiable otherwise, never wrong); {@code B} from calibration or the worst-case bound.
 *
 * <p><b>Cost: B + 1 constraints per element</b> — except a plain ReLU ({@code k = 0}) of inputs
 * already guaranteed non-negative, which is the identity and costs 0. Output bound:
 * {@code [0, ⌊min(hi, 2^(B−1)−1) / 2^k⌋]}.
 */
public final class ReluLayer extends ElementwiseLayer {
    private final int width;
    private final int k;
    private final boolean identity;

    public ReluLayer(String name, int[] shape, Interval inputBound, int width, int k) {
        super(name, shape, inputBound, outputBound(name, inputBound, width, k));
        this.width = width;
        this.k = k;
        this.identity = isIdentity(inputBound, width, k);
    }

    /** With no shift and an input already in {@code [0, 2^(B−1))}, the layer is the identity and free. */
    private static boolean isIdentity(Interval inputBound, int width, int k) {
        return k == 0 && inputBound.lo() >= 0 && inputBound.hi() < (1L << (width - 1));
    }

    private static Interval outputBound(String name, Interval inputBound, int width, int k) {
        checkShift(name, width, k);
        long hi = Math.max(0, Math.min(inputBound.hi(), (1L << (width - 1)) - 1));
        return new Interval(isIdentity(inputBound, width, k) ? inputBound.lo() : 0, Math.floorDiv(hi, 1L << k));
    }

    /** A plain ReLU for inputs in {@code inputBound}, with the width that interval needs. */
    public static ReluLayer plain(String name, int[] shape, Interval inputBound) {
        return new ReluLayer(name, shape, inputBound, inputBound.signedWidth(), 0);
    }

    public int width() {
        return width;
    }

    public int shift() {
        return k;
    }

    @Override
    public long[] evaluate(long[] input) {
        return evaluateWithinWidth(input, width, x -> ReferenceOps.reluRescale(x, k));
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        if (identity) {
            return VarTensor.of(shape, input.asList().toArray(new Var[0]), outBound);
        }
        return defineEach(api, input, "relu", () -> {
            ReluRescaleGadget g = new ReluRescaleGadget(api, width, k);
            return (i, v) -> g.apply(v);
        });
    }

    @Override
    public long constraintCount() {
        if (identity) {
            return 0;
        }
        long per = k == width - 1 ? width : width + 1;
        return per * RescaleLayer.input(shape);
    }

    /** {@code [B, k]}. */
    @Override
    public long[] parameters() {
        return new long[] {width, k};
    }
}
