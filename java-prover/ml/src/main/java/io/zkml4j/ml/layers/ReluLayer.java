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
public final class ReluLayer implements Layer {
    private final String name;
    private final int[] shape;
    private final Interval inBound;
    private final int width;
    private final int k;
    private final boolean identity;
    private final Interval outBound;

    public ReluLayer(String name, int[] shape, Interval inputBound, int width, int k) {
        DivRoundGadget.checkWidth(width);
        if (k < 0 || k >= width) {
            throw new IllegalArgumentException(name + ": expected 0 <= k < B but got k = " + k + ", B = " + width);
        }
        this.name = name;
        this.shape = shape.clone();
        this.inBound = inputBound;
        this.width = width;
        this.k = k;
        this.identity = k == 0 && inputBound.lo() >= 0 && inputBound.hi() < (1L << (width - 1));
        long hi = Math.max(0, Math.min(inputBound.hi(), (1L << (width - 1)) - 1));
        this.outBound = new Interval(identity ? inputBound.lo() : 0, Math.floorDiv(hi, 1L << k));
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
            out[i] = ReferenceOps.reluRescale(input[i], k);
        }
        return out;
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        if (identity) {
            return VarTensor.of(shape, input.asList().toArray(new Var[0]), outBound);
        }
        Var[] out = new Var[input.size()];
        try (var ns = api.namespace(name)) {
            ReluRescaleGadget g = new ReluRescaleGadget(api, width, k);
            for (int i = 0; i < out.length; i++) {
                try (var e = api.namespace("relu[" + i + "]")) {
                    out[i] = g.apply(input.get(i));
                }
            }
        }
        return VarTensor.of(shape, out, outBound);
    }

    @Override
    public long constraintCount() {
        if (identity) {
            return 0;
        }
        long per = k == width - 1 ? width : width + 1;
        return per * RescaleLayer.input(shape);
    }
}
