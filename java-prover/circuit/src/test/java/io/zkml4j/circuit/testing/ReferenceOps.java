package io.zkml4j.circuit.testing;

import java.util.List;

/** Plain integer twins of the gadgets: what each must compute, in {@code long} arithmetic. */
public final class ReferenceOps {

    private ReferenceOps() {
    }

    /** {@code ⌊x / 2^k⌋}, rounding toward −∞. */
    public static long floorDiv(long x, int k) {
        return Math.floorDiv(x, 1L << k);
    }

    /** {@code x − 2^k·⌊x / 2^k⌋ ∈ [0, 2^k)}. */
    public static long floorMod(long x, int k) {
        return Math.floorMod(x, 1L << k);
    }

    /** {@code max(acc, 0) >> k}. */
    public static long reluRescale(long acc, int k) {
        return acc < 0 ? 0 : acc >> k;
    }

    /** The lowest index of the maximum. */
    public static int argmax(List<Long> xs) {
        int best = 0;
        for (int i = 1; i < xs.size(); i++) {
            if (xs.get(i) > xs.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /** Whether {@code v ∈ [lo, hi)}. */
    public static boolean inRange(long v, long lo, long hi) {
        return lo <= v && v < hi;
    }
}
