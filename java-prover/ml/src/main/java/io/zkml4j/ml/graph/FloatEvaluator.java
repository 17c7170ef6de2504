package io.zkml4j.ml.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link ModelGraph} in floating point: the "float model" that quantized inference is
 * measured against. Written from the ONNX operator specifications (opset 13 semantics, with the
 * pre-opset-11 attribute forms of Pad and the pre-opset-5 form of Reshape accepted too).
 *
 * <p>Supported op types and restrictions:
 * <ul>
 *   <li>{@code Gemm} (alpha, beta, transA, transB; C broadcast as scalar, [N], [1, N] or [M, N]);
 *       {@code MatMul} (2-D × 2-D); {@code Add} (numpy broadcasting);</li>
 *   <li>{@code Conv} (2-D, NCHW; strides, pads, dilations, group; auto_pad NOTSET only);</li>
 *   <li>{@code MaxPool}, {@code AveragePool} (2-D; kernel_shape, strides, pads;
 *       count_include_pad; ceil_mode 0);</li>
 *   <li>{@code Pad} (mode constant); {@code Flatten}; {@code Reshape}; {@code Identity};</li>
 *   <li>{@code BatchNormalization} (inference form, channel axis 1);</li>
 *   <li>{@code Relu}, {@code Sigmoid}, {@code Tanh}, {@code Softmax} (opset-13 axis semantics).</li>
 * </ul>
 * Accumulation is in double; every op's result is stored as float, as an ONNX runtime would.
 */
public final class FloatEvaluator {
    /** Op types this evaluator runs. */
    public static final Set<String> SUPPORTED_OPS = Set.of("Gemm", "MatMul", "Add", "Conv", "MaxPool",
            "AveragePool", "Pad", "Flatten", "Reshape", "Identity", "BatchNormalization", "Relu", "Sigmoid",
            "Tanh", "Softmax");

    private FloatEvaluator() {}

    /** Runs the graph on one sample (row-major, {@code graph.inputSize()} values); returns the first output. */
    public static float[] run(ModelGraph graph, float[] input) {
        return runAll(graph, input).get(graph.outputName()).data();
    }

    /** Runs the graph and returns every tensor computed, by name (input and node outputs), in order. */
    public static Map<String, FloatTensor> runAll(ModelGraph graph, float[] input) {
        Map<String, FloatTensor> env = new LinkedHashMap<>();
        env.put(graph.inputName(), FloatTensor.of(graph.inputShape(), input));
        Map<String, FloatTensor> lookup = new HashMap<>(graph.initializers());
        for (Node node : graph.nodes()) {
            FloatTensor out;
            try {
                out = apply(node, name -> {
                    FloatTensor t = env.get(name);
                    return t != null ? t : lookup.get(name);
                });
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Node " + node.label() + ": " + e.getMessage(), e);
            }
            env.put(node.output(), out);
        }
        return env;
    }

    /** Resolves a tensor name to its value (activation or initializer). */
    public interface Env {
        FloatTensor get(String name);
    }

    private static FloatTensor in(Node n, Env env, int i) {
        String name = n.input(i);
        if (name == null) {
            return null;
        }
        FloatTensor t = env.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'");
        }
        return t;
    }

    static FloatTensor apply(Node n, Env env) {
        Attributes a = n.attributes();
        FloatTensor x = in(n, env, 0);
        return switch (n.opType()) {
            case "Gemm" -> gemm(x, in(n, env, 1), in(n, env, 2), a.getFloat("alpha", 1f), a.getFloat("beta", 1f),
                    a.getInt("transA", 0) != 0, a.getInt("transB", 0) != 0);
            case "MatMul" -> gemm(x, in(n, env, 1), null, 1f, 0f, false, false);
            case "Add" -> add(x, in(n, env, 1));
            case "Conv" -> conv(x, in(n, env, 1), in(n, env, 2), ConvParams.of(a, in(n, env, 1).shape()));
            case "MaxPool" -> pool(x, PoolParams.of(a), true);
            case "AveragePool" -> pool(x, PoolParams.of(a), false);
            case "Pad" -> pad(x, padAmounts(n, env), padValue(n, env));
            case "Flatten" -> FloatTensor.of(Shapes.flatten(x.shape(), (int) a.getInt("axis", 1)), x.data());
            case "Reshape" -> FloatTensor.of(Shapes.reshape(x.shape(), reshapeTarget(n, env)), x.data());
            case "Identity" -> x;
            case "BatchNormalization" -> batchNorm(x, in(n, env, 1), in(n, env, 2), in(n, env, 3), in(n, env, 4),
                    a.getFloat("epsilon", 1e-5f));
            case "Relu" -> map(x, v -> Math.max(v, 0));
            case "Sigmoid" -> map(x, v -> 1 / (1 + Math.exp(-v)));
            case "Tanh" -> map(x, Math::tanh);
            case "Softmax" -> softmax(x, (int) a.getInt("axis", -1));
            default -> throw new UnsupportedOperationException("Unsupported op type " + n.opType());
        };
    }

    /** The Reshape target: input 1 (opset ≥ 5) or the {@code shape} attribute. */
    public static long[] reshapeTarget(Node n, Env env) {
        String s = n.input(1);
        if (s != null) {
            return env.get(s).asLongs();
        }
        long[] shape = n.attributes().getInts("shape", null);
        if (shape == null) {
            throw new IllegalArgumentException("Reshape without a shape");
        }
        return shape;
    }

    /** Pad amounts [x1_begin, x2_begin, …, x1_end, x2_end, …]: input 1 (opset ≥ 11) or attribute. */
    public static long[] padAmounts(Node n, Env env) {
        String mode = n.attributes().getString("mode", "constant");
        if (!mode.equals("constant")) {
            throw new UnsupportedOperationException("Pad mode " + mode + " (only constant)");
        }
        String s = n.input(1);
        long[] pads = s != null ? env.get(s).asLongs() : n.attributes().getInts("pads", null);
        if (pads == null) {
            throw new IllegalArgumentException("Pad without pads");
        }
        if (n.input(3) != null) {
            throw new UnsupportedOperationException("Pad axes input");
        }
        return pads;
    }

    public static float padValue(Node n, Env env) {
        String s = n.input(2);
        if (s != null) {
            return env.get(s).get(0);
        }
        return n.attributes().getFloat("value", 0f);
    }

    static FloatTensor map(FloatTensor x, java.util.function.DoubleUnaryOperator f) {
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) f.applyAsDouble(d[i]);
        }
        return FloatTensor.of(x.shape(), d);
    }

    static FloatTensor gemm(FloatTensor a, FloatTensor b, FloatTensor c, float alpha, float beta, boolean transA,
            boolean transB) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("Gemm/MatMul needs 2-D operands, got " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()));
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int nOut = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("inner dimensions differ: " + k + " vs " + kb);
        }
        float[] ad = a.data();
        float[] bd = b.data();
        float[] out = new float[m * nOut];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < nOut; j++) {
                double acc = 0;
                for (int t = 0; t < k; t++) {
                    double av = transA ? ad[t * m + i] : ad[i * k + t];
                    double bv = transB ? bd[j * k + t] : bd[t * nOut + j];
                    acc += av * bv;
                }
                acc *= alpha;
                if (c != null) {
                    acc += beta * c.get(gemmBiasIndex(c, m, nOut, i, j));
                }
                out[i * nOut + j] = (float) acc;
            }
        }
        return FloatTensor.of(new int[] {m, nOut}, out);
    }

    /** Index into a Gemm C operand broadcast to [m, n] (scalar, [n], [1, n], [m, 1] or [m, n]). */
    public static int gemmBiasIndex(FloatTensor c, int m, int n, int i, int j) {
        int size = c.size();
        if (size == 1) {
            return 0;
        }
        if (size == n && (c.rank() == 1 || c.dim(0) == 1)) {
            return j;
        }
        if (size == m && c.rank() == 2 && c.dim(1) == 1) {
            return i;
        }
        if (size == m * n && c.rank() == 2) {
            return i * n + j;
        }
        throw new IllegalArgumentException("Gemm C of shape " + Arrays.toString(c.shape())
                + " does not broadcast to [" + m + ", " + n + "]");
    }

    /** Numpy (multidirectional) broadcast shape. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** For each flat index of {@code out}, the flat index into an operand of shape {@code in} broadcast to it. */
    public static int[] broadcastIndex(int[] in, int[] out) {
        int n = (int) Shapes.size(out);
        int[] outStrides = Shapes.strides(out);
        int[] inStrides = Shapes.strides(in);
        int off = out.length - in.length;
        int[] idx = new int[n];
        for (int f = 0; f < n; f++) {
            int rem = f;
            int src = 0;
            for (int ax = 0; ax < out.length; ax++) {
                int coord = rem / outStrides[ax];
                rem %= outStrides[ax];
                int ia = ax - off;
                if (ia >= 0 && in[ia] != 1) {
                    src += coord * inStrides[ia];
                }
            }
            idx[f] = src;
        }
        return idx;
    }

    static FloatTensor add(FloatTensor a, FloatTensor b) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        int[] ia = broadcastIndex(a.shape(), shape);
        int[] ib = broadcastIndex(b.shape(), shape);
        float[] out = new float[ia.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(ia[i]) + b.get(ib[i]);
        }
        return FloatTensor.of(shape, out);
    }

    /** Validated 2-D Conv attributes. */
    public record ConvParams(int kh, int kw, int sh, int sw, int padTop, int padLeft, int padBottom, int padRight,
            int dh, int dw, int group) {
        public static ConvParams of(Attributes a, int[] weightShape) {
            String autoPad = a.getString("auto_pad", "NOTSET");
            if (!autoPad.equals("NOTSET")) {
                throw new UnsupportedOperationException("auto_pad " + autoPad);
            }
            if (weightShape.length != 4) {
                throw new IllegalArgumentException("only 2-D Conv (4-D weights), got " + Arrays.toString(weightShape));
            }
            long[] k = a.getInts("kernel_shape", new long[] {weightShape[2], weightShape[3]});
            long[] s = a.getInts("strides", new long[] {1, 1});
            long[] p = a.getInts("pads", new long[] {0, 0, 0, 0});
            long[] d = a.getInts("dilations", new long[] {1, 1});
            if (k.length != 2 || s.length != 2 || p.length != 4 || d.length != 2
                    || k[0] != weightShape[2] || k[1] != weightShape[3]) {
                throw new IllegalArgumentException("inconsistent Conv attributes " + a);
            }
            return new ConvParams((int) k[0], (int) k[1], (int) s[0], (int) s[1], (int) p[0], (int) p[1],
                    (int) p[2], (int) p[3], (int) d[0], (int) d[1], (int) a.getInt("group", 1));
        }

        public int outH(int h) {
            return Shapes.windowOutput(h, (kh - 1) * dh + 1, sh, padTop, padBottom);
        }

        public int outW(int w) {
            return Shapes.windowOutput(w, (kw - 1) * dw + 1, sw, padLeft, padRight);
        }
    }

    static FloatTensor conv(FloatTensor x, FloatTensor w, FloatTensor b, ConvParams p) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("Conv input must be NCHW, got " + Arrays.toString(x.shape()));
        }
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int m = w.dim(0), cg = w.dim(1);
        if (c != cg * p.group() || m % p.group() != 0) {
            throw new IllegalArgumentException("channels " + c + " do not match weights " + Arrays.toString(w.shape())
                    + " with group " + p.group());
        }
        int oh = p.outH(h), ow = p.outW(wd);
        float[] xd = x.data(), wdt = w.data();
        float[] out = new float[n * m * oh * ow];
        int mPerGroup = m / p.group();
        for (int bi = 0; bi < n; bi++) {
            for (int oc = 0; oc < m; oc++) {
                int g = oc / mPerGroup;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double acc = b == null ? 0 : b.get(oc);
                        for (int ic = 0; ic < cg; ic++) {
                            int cin = g * cg + ic;
                            for (int ky = 0; ky < p.kh(); ky++) {
                                int iy = oy * p.sh() - p.padTop() + ky * p.dh();
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int kx = 0; kx < p.kw(); kx++) {
                                    int ix = ox * p.sw() - p.padLeft() + kx * p.dw();
                                    if (ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    acc += (double) xd[((bi * c + cin) * h + iy) * wd + ix]
                                            * wdt[((oc * cg + ic) * p.kh() + ky) * p.kw() + kx];
                                }
                            }
                        }
                        out[((bi * m + oc) * oh + oy) * ow + ox] = (float) acc;
                    }
                }
            }
        }
        return FloatTensor.of(new int[] {n, m, oh, ow}, out);
    }

    /** Validated 2-D pooling attributes. */
    public record PoolParams(int kh, int kw, int sh, int sw, int padTop, int padLeft, int padBottom, int padRight,
            boolean countIncludePad) {
        public static PoolParams of(Attributes a) {
            String autoPad = a.getString("auto_pad", "NOTSET");
            if (!autoPad.equals("NOTSET")) {
                throw new UnsupportedOperationException("auto_pad " + autoPad);
            }
            if (a.getInt("ceil_mode", 0) != 0) {
                throw new UnsupportedOperationException("ceil_mode 1");
            }
            long[] d = a.getInts("dilations", new long[] {1, 1});
            if (d.length != 2 || d[0] != 1 || d[1] != 1) {
                throw new UnsupportedOperationException("pooling dilations " + Arrays.toString(d));
            }
            long[] k = a.getInts("kernel_shape", null);
            if (k == null || k.length != 2) {
                throw new IllegalArgumentException("pooling needs a 2-D kernel_shape");
            }
            long[] s = a.getInts("strides", new long[] {1, 1});
            long[] p = a.getInts("pads", new long[] {0, 0, 0, 0});
            return new PoolParams((int) k[0], (int) k[1], (int) s[0], (int) s[1], (int) p[0], (int) p[1],
                    (int) p[2], (int) p[3], a.getInt("count_include_pad", 0) != 0);
        }

        public int outH(int h) {
            return Shapes.windowOutput(h, kh, sh, padTop, padBottom);
        }

        public int outW(int w) {
            return Shapes.windowOutput(w, kw, sw, padLeft, padRight);
        }

        /**
         * The windows over an NCHW input of shape {@code in}: for each output element, in NCHW order, the
         * flat input indices of its window's cells, padding cells left out (a window may then be empty).
         * The one definition of the pooling geometry, for the float evaluator, the integer reference and
         * the circuit layers.
         */
        public int[][] windows(int[] in) {
            outputShape(in);
            int nc = in[0] * in[1], h = in[2], w = in[3];
            int oh = outH(h), ow = outW(w);
            int[][] out = new int[nc * oh * ow][];
            int[] cells = new int[kh * kw];
            for (int ch = 0, o = 0; ch < nc; ch++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        int count = 0;
                        for (int ky = 0; ky < kh; ky++) {
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * sh - padTop + ky;
                                int ix = ox * sw - padLeft + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    cells[count++] = (ch * h + iy) * w + ix;
                                }
                            }
                        }
                        out[o] = Arrays.copyOf(cells, count);
                    }
                }
            }
            return out;
        }

        /** {@link #windows}, none of which may lie entirely in the padding (the integer reference and the circuit). */
        public int[][] nonEmptyWindows(int[] in) {
            int[][] windows = windows(in);
            for (int[] cells : windows) {
                if (cells.length == 0) {
                    throw new IllegalArgumentException("a pooling window lies entirely in the padding");
                }
            }
            return windows;
        }

        /** The NCHW output shape over an input of shape {@code in}. */
        public int[] outputShape(int[] in) {
            if (in.length != 4) {
                throw new IllegalArgumentException("pooling input must be NCHW, got " + Arrays.toString(in));
            }
            return new int[] {in[0], in[1], outH(in[2]), outW(in[3])};
        }
    }

    static FloatTensor pool(FloatTensor x, PoolParams p, boolean max) {
        int[][] windows = p.windows(x.shape());
        float[] xd = x.data();
        float[] out = new float[windows.length];
        for (int o = 0; o < windows.length; o++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (int cell : windows[o]) {
                acc = max ? Math.max(acc, xd[cell]) : acc + xd[cell];
            }
            if (!max) {
                acc /= p.countIncludePad() ? p.kh() * p.kw() : windows[o].length;
            }
            out[o] = (float) acc;
        }
        return FloatTensor.of(p.outputShape(x.shape()), out);
    }

    static FloatTensor pad(FloatTensor x, long[] pads, float value) {
        int r = x.rank();
        if (pads.length != 2 * r) {
            throw new IllegalArgumentException("Pad needs " + 2 * r + " amounts, got " + pads.length);
        }
        int[] in = x.shape();
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            if (pads[i] < 0 || pads[i + r] < 0) {
                throw new UnsupportedOperationException("negative pads (cropping)");
            }
            out[i] = (int) (in[i] + pads[i] + pads[i + r]);
        }
        int[] src = padIndex(in, pads);
        float[] d = new float[src.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = src[i] < 0 ? value : x.get(src[i]);
        }
        return FloatTensor.of(out, d);
    }

    /** For each flat output index of a constant pad, the source flat index, or −1 for a pad cell. */
    public static int[] padIndex(int[] in, long[] pads) {
        int r = in.length;
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = (int) (in[i] + pads[i] + pads[i + r]);
        }
        int n = (int) Shapes.size(out);
        int[] os = Shapes.strides(out);
        int[] is = Shapes.strides(in);
        int[] idx = new int[n];
        for (int f = 0; f < n; f++) {
            int rem = f;
            int src = 0;
            for (int ax = 0; ax < r; ax++) {
                int coord = rem / os[ax] - (int) pads[ax];
                rem %= os[ax];
                if (coord < 0 || coord >= in[ax]) {
                    src = -1;
                    break;
                }
                src += coord * is[ax];
            }
            idx[f] = src;
        }
        return idx;
    }

    static FloatTensor batchNorm(FloatTensor x, FloatTensor scale, FloatTensor bias, FloatTensor mean,
            FloatTensor var, float eps) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("BatchNormalization input needs a channel axis");
        }
        int c = x.dim(1);
        int inner = x.size() / (x.dim(0) * c);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            int ch = (i / inner) % c;
            double norm = (d[i] - mean.get(ch)) / Math.sqrt(var.get(ch) + (double) eps);
            d[i] = (float) (scale.get(ch) * norm + bias.get(ch));
        }
        return FloatTensor.of(x.shape(), d);
    }

    static FloatTensor softmax(FloatTensor x, int axis) {
        int[] s = x.shape();
        int ax = axis < 0 ? axis + s.length : axis;
        int len = s[ax];
        int inner = 1;
        for (int i = ax + 1; i < s.length; i++) {
            inner *= s[i];
        }
        int outer = x.size() / (len * inner);
        float[] d = x.data();
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < len; i++) {
                    mx = Math.max(mx, d[(o * len + i) * inner + in]);
                }
                double sum = 0;
                for (int i = 0; i < len; i++) {
                    sum += Math.exp(d[(o * len + i) * inner + in] - mx);
                }
                for (int i = 0; i < len; i++) {
                    int k = (o * len + i) * inner + in;
                    d[k] = (float) (Math.exp(d[k] - mx) / sum);
                }
            }
        }
        return FloatTensor.of(s, d);
    }

    /** The index of the largest value (ties → lowest index, as the circuit's argmax). */
    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

}
