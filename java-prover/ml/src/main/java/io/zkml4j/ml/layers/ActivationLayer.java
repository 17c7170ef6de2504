package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.ml.reference.Activation;
import io.zkml4j.ml.reference.PiecewiseLinear;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sigmoid or Tanh as a piecewise-linear table ({@link PiecewiseLinear}: its Javadoc gives the exact
 * integer function and the error bound, {@code max(h²·max|f''|/8, tail) + 2^(−s)}), fused with a rescale
 * by {@code 2^k} when it follows a linear layer: {@code y = PL(⌊acc / 2^k⌋)}; {@code k = 0} is a plain
 * activation. Output at activation scale {@code 2^(−s)}, in {@code [y_0, y_N]} ⊂ {@code [0, 2^s]} for
 * sigmoid and {@code [−2^s, 2^s]} for tanh.
 *
 * <p><b>Construction</b> (per element, no hint other than the pinned bits and {@code isZero}).
 * <ol>
 *   <li>{@code acc + 2^(B−1)} is decomposed into {@code B} bits ({@link BitsGadget#toBits}), with
 *       {@code B ≥ k + logL + s + 1} (widened if needed). Bits {@code k..B−1} are those of
 *       {@code x + 2^(w−1)}, {@code x = ⌊acc/2^k⌋}, {@code w = B − k}: so {@code x} (the pre-activation,
 *       also returned by {@link #defineWithPreActivation}) is linear in them.</li>
 *   <li>For {@code x ∈ [−T, T)}, {@code T = 2^(logL+s)}: {@code u = x + T} is the low {@code logL + s}
 *       of those bits plus the top bit times {@code T}. So the segment index {@code j = ⌊u/H⌋} has as bits
 *       bits {@code s − logInvH … logL + s − 1} and the top bit, and the remainder {@code r = u mod H} is
 *       the low {@code s − logInvH} bits: all pinned by the decomposition.</li>
 *   <li>The one-hot vector {@code e} of {@code j} is decoded from its bits by products (each new bit
 *       doubles the vector; {@code 2^n − n − 1} constraints for {@code n} index bits, e.g. 26 for 32
 *       segments). Since {@code Σ e = 1} and the tables are constants, {@code y_j = Σ e_i·y_i} and
 *       {@code d_j = Σ e_i·d_i} are linear: free.</li>
 *   <li>{@code P = d_j·r} (1 constraint) and {@code P + ⌊H/2⌋} is decomposed into {@code W} bits,
 *       {@code W = bitlen(max d·(H − 1) + ⌊H/2⌋)}: its bits from {@code s − logInvH} up are the rounded
 *       quotient {@code q}, unique. The in-range value is {@code y_j + q}.</li>
 *   <li>Clamp: with {@code m = w − 1 − (logL + s)} middle bits between the top bit and bit
 *       {@code logL + s}, {@code x ∈ [−T, T)} exactly when the top bit is 1 and the middle bits are all 0
 *       or the top bit is 0 and they are all 1, i.e. when {@code D = Σ middle − m·(1 − top) = 0}.
 *       {@code out = 1 − isZero(D)} (2 constraints), {@code above = top·out} (1), {@code below = out −
 *       above}; {@code y = y_in + out·(above·y_N + below·y_0 … − y_in)} (1). With {@code m = 1}:
 *       {@code above = top·mid}, {@code below = (1 − top)(1 − mid)}, 2 constraints in all; with
 *       {@code m = 0} no input is out of range and the clamp is free.</li>
 * </ol>
 *
 * <p><b>Width.</b> As {@link RescaleLayer}: any {@code acc ∉ [−2^(B−1), 2^(B−1))} makes the circuit
 * unsatisfiable (the reference throws {@link BoundExceededException}); it is never wrong.
 *
 * <p><b>Cost per element:</b> {@code B + (2^n − n − 1) + [1 + W] + clamp}, where the bracket is
 * {@code 1 + W} when the remainder has bits and the slopes differ ({@code W} alone if all slopes are
 * equal, 0 if they are 0), and {@code clamp} is 0, 2 or 4 for {@code m} = 0, 1, ≥ 2; e.g. a 29-bit
 * accumulator, {@code k = 10}, {@code s = 13}: {@code 29 + 26 + 1 + 22 + 4 = 82}.
 */
public final class ActivationLayer extends ElementwiseLayer {
    private final PiecewiseLinear table;
    private final int width;
    private final int k;
    private final Interval preBound;

    /**
     * @param inputBound the accumulators' guaranteed interval (scale {@code 2^(−(s+k))})
     * @param width      the enforced signed width of the accumulators (widened to {@code k + logL + s + 1})
     * @param k          the rescale shift, {@code 0 ≤ k < width}
     * @param scale      the activation scale {@code s} of the output (and of the pre-activation)
     */
    public ActivationLayer(String name, int[] shape, Interval inputBound, int width, int k, int scale, Activation f) {
        this(name, shape, inputBound, effectiveWidth(name, width, k, scale, f), k, table(name, f, scale));
    }

    private ActivationLayer(String name, int[] shape, Interval inputBound, int width, int k, PiecewiseLinear table) {
        super(name, shape, inputBound, outputBound(inputBound, width, k, table));
        this.table = table;
        this.width = width;
        this.k = k;
        this.preBound = preActivationBound(inputBound, width, k);
    }

    /** A plain activation (no rescale) of inputs in {@code inputBound} at scale {@code s}. */
    public static ActivationLayer plain(String name, int[] shape, Interval inputBound, int scale, Activation f) {
        return new ActivationLayer(name, shape, inputBound, inputBound.signedWidth(), 0, scale, f);
    }

    private static PiecewiseLinear table(String name, Activation f, int scale) {
        try {
            return PiecewiseLinear.of(f, scale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static int effectiveWidth(String name, int width, int k, int scale, Activation f) {
        int w = Math.max(width, k + f.logL() + scale + 1);
        if (w > 62) {
            throw new IllegalArgumentException(name + ": " + f.onnxOp() + " needs " + w
                    + " accumulator bits (k = " + k + ", s = " + scale + "); lower the scales");
        }
        checkShift(name, w, k);
        return w;
    }

    private static Interval preActivationBound(Interval inputBound, int width, int k) {
        return inputBound.intersect(Interval.signedBits(width)).floorDiv(1L << k);
    }

    private static Interval outputBound(Interval inputBound, int width, int k, PiecewiseLinear table) {
        Interval pre = preActivationBound(inputBound, width, k);
        return new Interval(table.evaluate(pre.lo()), table.evaluate(pre.hi())); // non-decreasing
    }

    public Activation function() {
        return table.function();
    }

    /** The table, at the output scale. */
    public PiecewiseLinear table() {
        return table;
    }

    /** The enforced signed width {@code B} of the accumulators (after widening). */
    public int width() {
        return width;
    }

    public int shift() {
        return k;
    }

    /** The interval of the pre-activations {@code ⌊acc / 2^k⌋} that {@link #defineWithPreActivation} returns. */
    public Interval preActivationBound() {
        return preBound;
    }

    /** The reference pre-activations {@code ⌊acc / 2^k⌋} (throws where the circuit is unsatisfiable). */
    public long[] preActivation(long[] input) {
        return evaluateWithinWidth(input, width, x -> ReferenceOps.floorDivPow2(x, k));
    }

    @Override
    public long[] evaluate(long[] input) {
        return evaluateWithinWidth(input, width, x -> table.evaluate(ReferenceOps.floorDivPow2(x, k)));
    }

    /** The outputs and the pre-activations {@code ⌊acc / 2^k⌋} (free: linear in the decomposition). */
    public record Outputs(VarTensor output, VarTensor preActivation) {}

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        return defineWithPreActivation(api, input).output();
    }

    /** As {@link #define}, also returning the pre-activations (for an exact decision on them). */
    public Outputs defineWithPreActivation(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        Var[] pre = new Var[input.size()];
        VarTensor out = defineEach(api, input, table.function().onnxOp().toLowerCase(), () -> {
            BitsGadget bits = new BitsGadget(api);
            return (i, acc) -> element(api, bits, acc, pre, i);
        });
        return new Outputs(out, VarTensor.of(shape, pre, preBound));
    }

    private Var element(CircuitApi api, BitsGadget bits, Var acc, Var[] pre, int i) {
        int w = width - k;
        int rb = table.remainderBits();
        int tb = table.clampBits();
        BoolVar[] all = bits.toBits(api.addConst(acc, pow2(width - 1)), width);
        List<BoolVar> v = Arrays.asList(all).subList(k, width);
        pre[i] = api.addConst(bits.fromBits(v), pow2(w - 1).neg());
        BoolVar top = v.get(w - 1);
        List<BoolVar> index = new ArrayList<>(v.subList(rb, tb));
        index.add(top);
        Var[] e;
        try (var ns = api.namespace("segment")) {
            e = oneHot(api, index);
        }
        List<Fr> ys = new ArrayList<>();
        List<Fr> ds = new ArrayList<>();
        for (int j = 0; j < e.length; j++) {
            ys.add(Fr.of(table.value(j)));
            ds.add(Fr.of(table.slope(j)));
        }
        Var y = api.linearCombination(List.of(e), ys);
        if (rb > 0 && table.maxSlope() > 0) {
            try (var ns = api.namespace("interpolate")) {
                Var r = bits.fromBits(v.subList(0, rb));
                Var p = api.mul(api.linearCombination(List.of(e), ds), r);
                BoolVar[] q = bits.toBits(api.addConst(p, Fr.of(ReferenceOps.roundingOffset(rb))), roundWidth());
                y = api.add(y, bits.fromBits(Arrays.asList(q).subList(rb, q.length)));
            }
        }
        int m = w - 1 - tb;
        if (m == 0) {
            return y;
        }
        try (var ns = api.namespace("clamp")) {
            List<BoolVar> mid = v.subList(tb, w - 1);
            Var above;
            Var below;
            if (m == 1) {
                above = api.and(top, mid.get(0));
                below = api.add(api.sub(api.sub(api.constant(1), top), mid.get(0)), above);
            } else {
                Var d = api.sub(api.sum(mid), api.mulConst(api.not(top), m));
                Var outside = api.not(api.isZero(d));
                above = api.mul(top, outside);
                below = api.sub(outside, above);
            }
            Var saturated = api.add(api.mulConst(above, table.value(table.segments())), api.mulConst(below,
                    table.value(0)));
            return api.add(y, api.mul(api.add(above, below), api.sub(saturated, y)));
        }
    }

    /** The one-hot vector of the index whose bits (least significant first) are {@code b}. */
    private static Var[] oneHot(CircuitApi api, List<BoolVar> b) {
        Var[] e = {api.not(b.get(0)), b.get(0)};
        for (int t = 1; t < b.size(); t++) {
            Var bit = b.get(t);
            int m = e.length;
            Var[] next = new Var[2 * m];
            Var rest = bit;
            for (int j = 0; j < m; j++) {
                Var hi = j < m - 1 ? api.mul(e[j], bit) : rest; // the last: bit − Σ others = bit·e_(m−1)
                rest = api.sub(rest, hi);
                next[j] = api.sub(e[j], hi);
                next[j + m] = hi;
            }
            e = next;
        }
        return e;
    }

    /** {@code W}: the width of {@code d·r + ⌊H/2⌋} for every slope and remainder. */
    private int roundWidth() {
        int rb = table.remainderBits();
        long max = Math.addExact(Math.multiplyExact(table.maxSlope(), (1L << rb) - 1), ReferenceOps.roundingOffset(rb));
        return 64 - Long.numberOfLeadingZeros(max);
    }

    private static Fr pow2(int e) {
        return Fr.of(BigInteger.ONE.shiftLeft(e));
    }

    private boolean slopesDiffer() {
        for (int j = 1; j < table.segments(); j++) {
            if (table.slope(j) != table.slope(0)) {
                return true;
            }
        }
        return false;
    }

    /** The constraints of one element (see the class comment). */
    public long perElementCost() {
        int n = table.segmentBits();
        long c = width + (1L << n) - n - 1;
        if (table.remainderBits() > 0 && table.maxSlope() > 0) {
            c += roundWidth() + (slopesDiffer() ? 1 : 0);
        }
        int m = width - k - 1 - table.clampBits();
        return c + (m == 0 ? 0 : m == 1 ? 2 : 4);
    }

    @Override
    public long constraintCount() {
        return perElementCost() * RescaleLayer.input(shape);
    }

    /** {@code [function (0 sigmoid, 1 tanh), logL, logInvH, s, B, k]}. */
    @Override
    public long[] parameters() {
        Activation f = table.function();
        return new long[] {f.ordinal(), f.logL(), f.logInvH(), table.scale(), width, k};
    }
}
