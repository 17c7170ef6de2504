package io.zkml4j.ml.reference;

import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatEvaluator.ConvParams;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;

/**
 * Integer reference implementations of every quantized op: the exact values the circuit layers
 * must produce (tests check equality on random inputs). Plain {@code long} arithmetic with
 * overflow checks ({@link Math#addExact} and friends): an overflow throws instead of wrapping.
 *
 * <p>Rounding, stated once:
 * <ul>
 *   <li>{@link #floorDivPow2} and {@link #reluRescale} round toward −∞ ({@code ⌊x / 2^k⌋}), as the
 *       FloorDiv and ReluRescale gadgets do. The compiler adds {@link #roundingOffset(int)
 *       2^(k−1)} to each bias so that the composite is round-half-up of the real quotient.</li>
 *   <li>{@link #divRound} (average pooling) is {@code ⌊(x + ⌊d/2⌋) / d⌋}: round to nearest; an
 *       exact half (even {@code d}) rounds up.</li>
 *   <li>{@link #argmax}: ties go to the lowest index; {@link #decision} of a single logit: 1 iff it is
 *       positive.</li>
 *   <li>Sigmoid and Tanh: {@link PiecewiseLinear}.</li>
 * </ul>
 */
public final class ReferenceOps {
    private ReferenceOps() {}

    /** {@code ⌊x / 2^k⌋}. */
    public static long floorDivPow2(long x, int k) {
        return Math.floorDiv(x, 1L << k);
    }

    /** {@code 2^(k−1)} for {@code k > 0}, else 0: added to an accumulator so that flooring rounds half up. */
    public static long roundingOffset(int k) {
        return k == 0 ? 0 : 1L << (k - 1);
    }

    public static long relu(long x) {
        return Math.max(x, 0);
    }

    /** {@code acc ≥ 0 ? ⌊acc / 2^k⌋ : 0}, the fused ReLU and rescale. */
    public static long reluRescale(long acc, int k) {
        return acc >= 0 ? floorDivPow2(acc, k) : 0;
    }

    /** {@code ⌊(x + ⌊d/2⌋) / d⌋} for {@code d ≥ 1}. */
    public static long divRound(long x, long d) {
        if (d < 1) {
            throw new IllegalArgumentException("Expected a positive divisor but got " + d);
        }
        return Math.floorDiv(Math.addExact(x, d / 2), d);
    }

    /**
     * The accumulators of a dense layer: {@code acc[i][j] = Σ_t x[i][t]·w[j][t] + bias[j]} for
     * {@code x} of shape [m, k] and {@code w} of shape [n, k] (ONNX Gemm with transB = 1).
     *
     * @param bias length {@code n}, or null for none
     */
    public static long[] gemm(long[] x, int m, int k, long[] w, int n, long[] bias) {
        check(x.length == m * k && w.length == n * k && (bias == null || bias.length == n), "gemm shapes");
        long[] out = new long[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long acc = bias == null ? 0 : bias[j];
                for (int t = 0; t < k; t++) {
                    acc = Math.addExact(acc, Math.multiplyExact(x[i * k + t], w[j * k + t]));
                }
                out[i * n + j] = acc;
            }
        }
        return out;
    }

    /**
     * The accumulators of a 2-D convolution (NCHW, weights [M, C, kh, kw], group 1): zero padding,
     * stride and dilation as ONNX Conv.
     */
    public static long[] conv2d(long[] x, int[] xShape, long[] w, int[] wShape, long[] bias, ConvParams p) {
        check(p.group() == 1, "conv2d supports group 1 only");
        int n = xShape[0], c = xShape[1], h = xShape[2], wd = xShape[3];
        int m = wShape[0];
        check(wShape[1] == c && x.length == n * c * h * wd && w.length == m * c * p.kh() * p.kw()
                && (bias == null || bias.length == m), "conv2d shapes");
        int oh = p.outH(h), ow = p.outW(wd);
        long[] out = new long[n * m * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < m; oc++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        long acc = bias == null ? 0 : bias[oc];
                        for (int ic = 0; ic < c; ic++) {
                            for (int ky = 0; ky < p.kh(); ky++) {
                                int iy = oy * p.sh() - p.padTop() + ky * p.dh();
                                for (int kx = 0; kx < p.kw(); kx++) {
                                    int ix = ox * p.sw() - p.padLeft() + kx * p.dw();
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    acc = Math.addExact(acc, Math.multiplyExact(x[((b * c + ic) * h + iy) * wd + ix],
                                            w[((oc * c + ic) * p.kh() + ky) * p.kw() + kx]));
                                }
                            }
                        }
                        out[((b * m + oc) * oh + oy) * ow + ox] = acc;
                    }
                }
            }
        }
        return out;
    }

    /** Max pooling (NCHW); padded cells are ignored, as ONNX MaxPool's −∞ padding. */
    public static long[] maxPool(long[] x, int[] shape, PoolParams p) {
        return pool(x, shape, p, true);
    }

    /**
     * Average pooling (NCHW): the window sum divided by {@code d} with {@link #divRound}, where
     * {@code d} is the kernel area when {@code count_include_pad} is set, else the number of
     * non-padding cells of that window.
     */
    public static long[] avgPool(long[] x, int[] shape, PoolParams p) {
        return pool(x, shape, p, false);
    }

    private static long[] pool(long[] x, int[] shape, PoolParams p, boolean max) {
        int[][] windows = p.nonEmptyWindows(shape);
        long[] out = new long[windows.length];
        for (int o = 0; o < windows.length; o++) {
            long acc = max ? Long.MIN_VALUE : 0;
            for (int cell : windows[o]) {
                acc = max ? Math.max(acc, x[cell]) : Math.addExact(acc, x[cell]);
            }
            out[o] = max ? acc : divRound(acc, p.countIncludePad() ? p.kh() * p.kw() : windows[o].length);
        }
        return out;
    }

    /** Constant padding: pads as ONNX ([x1_begin, …, x1_end, …]), cells outside the input set to {@code value}. */
    public static long[] pad(long[] x, int[] shape, long[] pads, long value) {
        int[] src = FloatEvaluator.padIndex(shape, pads);
        long[] out = new long[src.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = src[i] < 0 ? value : x[src[i]];
        }
        return out;
    }

    /** Elementwise {@code x + c[index[i]]} (a broadcast constant). */
    public static long[] addConstant(long[] x, long[] c, int[] index) {
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.addExact(x[i], c[index[i]]);
        }
        return out;
    }

    /**
     * The predicted class of logits: {@link #argmax} for two or more; for a single logit (a binary
     * classifier, σ(x) > 1/2 ⇔ x > 0) 1 if it is positive, else 0 — a zero logit gives 0.
     */
    public static int decision(long[] x) {
        return x.length == 1 ? (x[0] > 0 ? 1 : 0) : argmax(x);
    }

    /** The index of the largest value; ties go to the lowest index. */
    public static int argmax(long[] x) {
        check(x.length > 0, "argmax of nothing");
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
