package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D average pooling (NCHW; kernel, strides, pads, count_include_pad as ONNX AveragePool): the
 * window sum (free) divided by {@code d} with {@link DivRoundGadget}, i.e.
 * {@code ⌊(sum + ⌊d/2⌋) / d⌋} — round to nearest, an exact half rounds up. {@code d} is the
 * kernel area with {@code count_include_pad}, else the number of non-padding cells in that window
 * (a per-window constant, so still a fixed circuit).
 *
 * <p><b>Cost per output:</b> that of {@link DivRoundGadget} for {@code d} and the window sum's
 * interval ({@code cells × input interval}); for a 2×2 window, {@code 2 + nq + 1} with
 * {@code nq} the quotient width. Output bound: the union of the per-window quotient intervals.
 */
public final class AvgPoolLayer implements Layer {
    private final String name;
    private final int[] inShape;
    private final int[] outShape;
    private final PoolParams params;
    private final Interval inBound;
    private final List<int[]> windows;
    private final List<DivRoundGadget> dividers = new ArrayList<>();
    private final Interval outBound;

    public AvgPoolLayer(String name, int[] inputShape, Interval inputBound, PoolParams params) {
        this.name = name;
        this.inShape = inputShape.clone();
        this.outShape = Windows.outputShape(inputShape, params);
        this.params = params;
        this.inBound = inputBound;
        this.windows = Windows.of(inputShape, params);
        Interval out = null;
        for (int[] w : windows) {
            long d = params.countIncludePad() ? (long) params.kh() * params.kw() : w.length;
            Interval sum = Interval.of(0);
            for (int i = 0; i < w.length; i++) {
                sum = sum.plus(inputBound);
            }
            DivRoundGadget g = new DivRoundGadget(d, sum);
            dividers.add(g);
            out = out == null ? g.outputBound() : out.union(g.outputBound());
        }
        this.outBound = out;
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
        return outBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return ReferenceOps.avgPool(input, inShape, params);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        Var[] out = new Var[windows.size()];
        try (var ns = api.namespace(name)) {
            for (int o = 0; o < out.length; o++) {
                List<Var> cells = new ArrayList<>();
                for (int idx : windows.get(o)) {
                    cells.add(input.get(idx));
                }
                try (var e = api.namespace("window[" + o + "]")) {
                    out[o] = dividers.get(o).divide(api, api.sum(cells));
                }
            }
        }
        return VarTensor.of(outShape, out, outBound);
    }

    @Override
    public long constraintCount() {
        return dividers.stream().mapToLong(DivRoundGadget::constraintCount).sum();
    }

    /** {@code [input shape (4), kh, kw, sh, sw, padTop, padLeft, padBottom, padRight, count_include_pad]}. */
    @Override
    public long[] parameters() {
        return Windows.parameters(inShape, params);
    }
}
