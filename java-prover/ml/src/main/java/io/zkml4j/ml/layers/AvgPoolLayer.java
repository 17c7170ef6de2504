package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
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
public final class AvgPoolLayer extends PoolLayer {
    private final List<DivRoundGadget> dividers = new ArrayList<>();
    private final Interval outBound;

    public AvgPoolLayer(String name, int[] inputShape, Interval inputBound, PoolParams params) {
        super(name, inputShape, inputBound, params);
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
        return defineEachWindow(api, input, () -> (o, cells) -> dividers.get(o).divide(api, api.sum(cells)));
    }

    @Override
    public long constraintCount() {
        return dividers.stream().mapToLong(DivRoundGadget::constraintCount).sum();
    }
}
