package io.zkml4j.ml.tensor;

/**
 * A closed integer interval {@code [lo, hi]} that every element of a tensor is guaranteed to lie
 * in — guaranteed by constraints (a range check, a gadget's output range) or by exact arithmetic
 * on values so guaranteed. Layers propagate intervals; gadget widths are derived from them.
 */
public record Interval(long lo, long hi) {

    public Interval {
        if (lo > hi) {
            throw new IllegalArgumentException("Empty interval [" + lo + ", " + hi + "]");
        }
    }

    /** {@code [−2^(b−1), 2^(b−1) − 1]}: the values of a signed {@code b}-bit integer. */
    public static Interval signedBits(int b) {
        if (b < 1 || b > 62) {
            throw new IllegalArgumentException("Expected 1 <= b <= 62 but got " + b);
        }
        return new Interval(-(1L << (b - 1)), (1L << (b - 1)) - 1);
    }

    public static Interval of(long v) {
        return new Interval(v, v);
    }

    /**
     * The smallest {@code B} with {@code [lo, hi] ⊆ [−2^(B−1), 2^(B−1))}: the width a signed
     * decomposition (FloorDiv, ReluRescale) of these values needs. At least 2.
     */
    public int signedWidth() {
        int b = 2;
        while (lo < -(1L << (b - 1)) || hi >= (1L << (b - 1))) {
            b++;
        }
        return b;
    }

    /** The smallest {@code n ≥ 1} with {@code hi − lo < 2ⁿ}: the width a comparison of two such values needs. */
    public int differenceWidth() {
        long span = Math.subtractExact(hi, lo);
        return Math.max(1, 64 - Long.numberOfLeadingZeros(span));
    }

    public boolean contains(long v) {
        return v >= lo && v <= hi;
    }

    public Interval intersect(Interval o) {
        return new Interval(Math.max(lo, o.lo), Math.min(hi, o.hi));
    }

    public Interval union(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** {@code {x + c}}. */
    public Interval plus(long c) {
        return new Interval(Math.addExact(lo, c), Math.addExact(hi, c));
    }

    /** {@code {x · w}} for a constant {@code w} (any sign). */
    public Interval times(long w) {
        long a = Math.multiplyExact(lo, w);
        long b = Math.multiplyExact(hi, w);
        return new Interval(Math.min(a, b), Math.max(a, b));
    }

    /** Minkowski sum {@code {x + y}}. */
    public Interval plus(Interval o) {
        return new Interval(Math.addExact(lo, o.lo), Math.addExact(hi, o.hi));
    }

    /** {@code {⌊x / d⌋}} for {@code d > 0}. */
    public Interval floorDiv(long d) {
        return new Interval(Math.floorDiv(lo, d), Math.floorDiv(hi, d));
    }

    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
