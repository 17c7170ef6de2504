package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A 2-D pooling layer ({@link MaxPoolLayer}, {@link AvgPoolLayer}): the name, shapes, input bound and
 * windows ({@link PoolParams#nonEmptyWindows}) they share, and the loop that gathers each window's cells.
 */
abstract class PoolLayer extends ShapedLayer {

    final PoolParams params;
    /** Per output element, the input indices of its window (padding left out). */
    final List<int[]> windows;

    /** Copies {@code inputShape}. */
    PoolLayer(String name, int[] inputShape, Interval inputBound, PoolParams params) {
        super(name, inputShape, params.outputShape(inputShape), inputBound);
        this.params = params;
        this.windows = List.of(params.nonEmptyWindows(inputShape));
    }

    /** The circuit of one output element from its window's cells. */
    interface WindowCircuit {
        Var apply(int window, List<Var> cells);
    }

    /**
     * Applies a per-window circuit inside the namespace {@code name}, window {@code o} in the namespace
     * {@code window[o]}; {@code perWindow} is created once, inside the layer's namespace.
     */
    final VarTensor defineEachWindow(CircuitApi api, VarTensor input, Supplier<WindowCircuit> perWindow) {
        Layer.requireInput(this, input);
        Var[] out = new Var[windows.size()];
        try (var ns = api.namespace(name)) {
            WindowCircuit f = perWindow.get();
            for (int o = 0; o < out.length; o++) {
                List<Var> cells = new ArrayList<>();
                for (int idx : windows.get(o)) {
                    cells.add(input.get(idx));
                }
                try (var e = api.namespace("window[" + o + "]")) {
                    out[o] = f.apply(o, cells);
                }
            }
        }
        return VarTensor.of(outShape, out, outputBound());
    }

    /** {@code [input shape (4), kh, kw, sh, sw, padTop, padLeft, padBottom, padRight, count_include_pad]}. */
    @Override
    public final long[] parameters() {
        PoolParams p = params;
        return Layer.words(Arrays.stream(inShape).asLongStream().toArray(), new long[] {p.kh(), p.kw(), p.sh(),
            p.sw(), p.padTop(), p.padLeft(), p.padBottom(), p.padRight(), p.countIncludePad() ? 1 : 0});
    }
}
