package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * 2-D max pooling (NCHW; kernel, strides, pads as ONNX MaxPool; padded cells ignored): a running
 * maximum over each window with {@link ArgmaxGadget#max} of width {@code n = } the input interval's
 * {@link Interval#differenceWidth()}, which meets the gadget's precondition {@code |a − b| < 2ⁿ}
 * for every pair of guaranteed inputs.
 *
 * <p><b>Cost: Σ over windows of (cells − 1)·(n + 2) constraints</b>, e.g. (4 − 1)(n + 2) per
 * output for a 2×2 window without padding. Output bound: the input bound.
 */
public final class MaxPoolLayer extends PoolLayer {
    private final int n;

    public MaxPoolLayer(String name, int[] inputShape, Interval inputBound, PoolParams params) {
        super(name, inputShape, inputBound, params);
        this.n = inputBound.differenceWidth();
    }

    @Override
    public Interval outputBound() {
        return inBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return ReferenceOps.maxPool(input, inShape, params);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        return defineEachWindow(api, input, () -> {
            ArgmaxGadget g = new ArgmaxGadget(api, n);
            return (o, cells) -> g.max(cells);
        });
    }

    @Override
    public long constraintCount() {
        long c = 0;
        for (int[] w : windows) {
            c += (long) (w.length - 1) * (n + 2);
        }
        return c;
    }
}
