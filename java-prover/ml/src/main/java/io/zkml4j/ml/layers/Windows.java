package io.zkml4j.ml.layers;

import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import java.util.List;

/** The input cells of each pooling window (NCHW), padding cells excluded. */
final class Windows {
    private Windows() {}

    static int[] outputShape(int[] in, PoolParams p) {
        if (in.length != 4) {
            throw new IllegalArgumentException("pooling input must be NCHW");
        }
        return new int[] {in[0], in[1], p.outH(in[2]), p.outW(in[3])};
    }

    /** For each output element, the flat input indices of its window ({@link PoolParams#windows}), none empty. */
    static List<int[]> of(int[] in, PoolParams p) {
        int[][] windows = p.windows(in);
        for (int[] cells : windows) {
            if (cells.length == 0) {
                throw new IllegalArgumentException("a pooling window lies entirely in the padding");
            }
        }
        return List.of(windows);
    }

    /** The words of a pooling layer for {@link Layer#parameters()}. */
    static long[] parameters(int[] in, PoolParams p) {
        return Layer.words(java.util.Arrays.stream(in).asLongStream().toArray(), new long[] {p.kh(), p.kw(), p.sh(),
            p.sw(), p.padTop(), p.padLeft(), p.padBottom(), p.padRight(), p.countIncludePad() ? 1 : 0});
    }
}
