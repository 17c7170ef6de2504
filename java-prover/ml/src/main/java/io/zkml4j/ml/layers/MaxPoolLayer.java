package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D max pooling (NCHW; kernel, strides, pads as ONNX MaxPool; padded cells ignored): a running
 * maximum over each window with {@link ArgmaxGadget#max} of width {@code n = } the input interval's
 * {@link Interval#differenceWidth()}, which meets the gadget's precondition {@code |a − b| < 2ⁿ}
 * for every pair of guaranteed inputs.
 *
 * <p><b>Cost: Σ over windows of (cells − 1)·(n + 2) constraints</b>, e.g. (4 − 1)(n + 2) per
 * output for a 2×2 window without padding. Output bound: the input bound.
 */
public final class MaxPoolLayer implements Layer {
    private final String name;
    private final int[] inShape;
    private final int[] outShape;
    private final PoolParams params;
    private final Interval inBound;
    private final List<int[]> windows;
    private final int n;

    public MaxPoolLayer(String name, int[] inputShape, Interval inputBound, PoolParams params) {
        this.name = name;
        this.inShape = inputShape.clone();
        this.outShape = Windows.outputShape(inputShape, params);
        this.params = params;
        this.inBound = inputBound;
        this.windows = Windows.of(inputShape, params);
        this.n = inputBound.differenceWidth();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] inputShape() {
        return inShape.clone();
    }

    @Override
    public Interval inputBound() {
        return inBound;
    }

    @Override
    public int[] outputShape() {
        return outShape.clone();
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
        Layer.requireInput(this, input);
        Var[] out = new Var[windows.size()];
        try (var ns = api.namespace(name)) {
            ArgmaxGadget g = new ArgmaxGadget(api, n);
            for (int o = 0; o < out.length; o++) {
                List<Var> cells = new ArrayList<>();
                for (int idx : windows.get(o)) {
                    cells.add(input.get(idx));
                }
                try (var e = api.namespace("window[" + o + "]")) {
                    out[o] = g.max(cells);
                }
            }
        }
        return VarTensor.of(outShape, out, inBound);
    }

    @Override
    public long constraintCount() {
        long c = 0;
        for (int[] w : windows) {
            c += (long) (w.length - 1) * (n + 2);
        }
        return c;
    }

    /** {@code [input shape (4), kh, kw, sh, sw, padTop, padLeft, padBottom, padRight, count_include_pad]}. */
    @Override
    public long[] parameters() {
        return Windows.parameters(inShape, params);
    }
}
