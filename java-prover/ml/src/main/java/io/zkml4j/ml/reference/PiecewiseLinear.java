package io.zkml4j.ml.reference;

import io.zkml4j.ml.tensor.QuantizedTensor;
import java.util.Arrays;

/**
 * The integer reference of a piecewise-linear {@link Activation} at activation scale {@code 2^(−s)}:
 * the values the circuit ({@code layers.ActivationLayer}) must produce.
 *
 * <p><b>Definition.</b> With {@code T = L·2^s = 2^(logL + s)}, {@code H = h·2^s = 2^(s − logInvH)} and
 * {@code N = 2T/H} segments, the table holds {@code y_j = round(f(−L + j·h)·2^s)} (round half up) for
 * {@code j = 0..N}, and {@code d_j = y_(j+1) − y_j ≥ 0} (both functions increase). For an input {@code x}
 * (a value {@code x·2^(−s)}):
 * <pre>
 *   x &lt; −T        →  y_0
 *   x ≥ T         →  y_N
 *   otherwise:  u = x + T,  j = ⌊u / H⌋,  r = u mod H,
 *               y = y_j + ⌊(d_j·r + ⌊H/2⌋) / H⌋        (d_j·r / H rounded to nearest, halves up)
 * </pre>
 * The result is non-decreasing in {@code x} and lies in {@code [y_0, y_N]}.
 *
 * <p><b>Error bound</b> ({@link #errorBound()}), against the exact function at the same input
 * {@code X = x·2^(−s)}: {@code |y·2^(−s) − f(X)| ≤ max(h²·max|f''|/8, tail) + 2^(−s)} — linear
 * interpolation, or the clamp's tail ({@link Activation#tailError()}), plus half a unit for the
 * quantized table entries and half a unit for rounding {@code d_j·r/H}. Sigmoid:
 * {@code 0.00301 + 2^(−s)}; tanh: {@code 0.00601 + 2^(−s)}.
 *
 * <p>Needs {@code s ≥ logInvH} (a segment is at least one unit wide) and {@code logL + s ≤ 60}.
 */
public final class PiecewiseLinear {
    private final Activation f;
    private final int scale;
    private final long[] y;

    private PiecewiseLinear(Activation f, int scale, long[] y) {
        this.f = f;
        this.scale = scale;
        this.y = y;
    }

    /** The table of {@code f} at activation scale {@code 2^(−scale)}. */
    public static PiecewiseLinear of(Activation f, int scale) {
        if (scale < f.logInvH() || scale + f.logL() > 60) {
            throw new IllegalArgumentException(f.onnxOp() + " needs an activation scale s with " + f.logInvH()
                    + " <= s <= " + (60 - f.logL()) + " (segments of width 2^-" + f.logInvH() + ") but got s = "
                    + scale + "; calibrate with more input bits");
        }
        int n = 1 << (f.logL() + 1 + f.logInvH());
        double l = Math.scalb(1.0, f.logL());
        double h = Math.scalb(1.0, -f.logInvH());
        long[] y = new long[n + 1];
        for (int j = 0; j <= n; j++) {
            y[j] = QuantizedTensor.quantize(f.apply(-l + j * h), scale);
            if (j > 0 && y[j] < y[j - 1]) {
                throw new IllegalStateException(f + ": table decreases at segment " + j);
            }
        }
        return new PiecewiseLinear(f, scale, y);
    }

    public Activation function() {
        return f;
    }

    /** The activation scale {@code s}. */
    public int scale() {
        return scale;
    }

    /** {@code log2 N}: the width of a segment index. */
    public int segmentBits() {
        return f.logL() + 1 + f.logInvH();
    }

    /** {@code log2 H = s − logInvH}: the width of the in-segment remainder. */
    public int remainderBits() {
        return scale - f.logInvH();
    }

    /** {@code log2 T = logL + s}: inputs in {@code [−2^this, 2^this)} are not clamped. */
    public int clampBits() {
        return f.logL() + scale;
    }

    /** The number of segments {@code N}. */
    public int segments() {
        return y.length - 1;
    }

    /** {@code y_j}, {@code 0 ≤ j ≤ N}. */
    public long value(int j) {
        return y[j];
    }

    /** {@code d_j = y_(j+1) − y_j}, {@code 0 ≤ j < N}. */
    public long slope(int j) {
        return y[j + 1] - y[j];
    }

    /** {@code max_j d_j}. */
    public long maxSlope() {
        long m = 0;
        for (int j = 0; j < segments(); j++) {
            m = Math.max(m, slope(j));
        }
        return m;
    }

    /** The reference value for an input {@code x} at scale {@code s} (see the class comment). */
    public long evaluate(long x) {
        long t = 1L << clampBits();
        if (x < -t) {
            return y[0];
        }
        if (x >= t) {
            return y[segments()];
        }
        int rb = remainderBits();
        long u = x + t;
        int j = (int) (u >> rb);
        long r = u & ((1L << rb) - 1);
        return y[j] + ReferenceOps.floorDivPow2(Math.addExact(Math.multiplyExact(slope(j), r),
                ReferenceOps.roundingOffset(rb)), rb);
    }

    /** The bound on {@code |evaluate(x)·2^(−s) − f(x·2^(−s))|} for every {@code x} (see the class comment). */
    public double errorBound() {
        return Math.max(f.interpolationError(), f.tailError()) + Math.scalb(1.0, -scale);
    }

    @Override
    public String toString() {
        return f + "@2^-" + scale + Arrays.toString(y);
    }
}
