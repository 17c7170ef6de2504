package io.zkml4j.ml.layers;

import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import java.util.ArrayList;
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

    /** For each output element, the flat input indices of its window. */
    static List<int[]> of(int[] in, PoolParams p) {
        int nc = in[0] * in[1], h = in[2], w = in[3];
        int oh = p.outH(h), ow = p.outW(w);
        List<int[]> out = new ArrayList<>(nc * oh * ow);
        for (int ch = 0; ch < nc; ch++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    List<Integer> cells = new ArrayList<>();
                    for (int ky = 0; ky < p.kh(); ky++) {
                        for (int kx = 0; kx < p.kw(); kx++) {
                            int iy = oy * p.sh() - p.padTop() + ky;
                            int ix = ox * p.sw() - p.padLeft() + kx;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                cells.add((ch * h + iy) * w + ix);
                            }
                        }
                    }
                    if (cells.isEmpty()) {
                        throw new IllegalArgumentException("a pooling window lies entirely in the padding");
                    }
                    out.add(cells.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        return out;
    }

    /** The words of a pooling layer for {@link Layer#parameters()}. */
    static long[] parameters(int[] in, PoolParams p) {
        return Layer.words(java.util.Arrays.stream(in).asLongStream().toArray(), new long[] {p.kh(), p.kw(), p.sh(),
            p.sw(), p.padTop(), p.padLeft(), p.padBottom(), p.padRight(), p.countIncludePad() ? 1 : 0});
    }
}
