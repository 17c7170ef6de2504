package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.internal.CurveKernel;
import java.math.BigInteger;

/** Scalar multiplication on flat Jacobian points for the immutable point types (not the MSM path). */
final class ScalarMul {

    private ScalarMul() {
    }

    /**
     * {@code [k]·p} by left-to-right double-and-add (signed: a negative {@code k} negates the result).
     * Costs {@code bitLength(k)} doublings and about {@code bitLength(k)/2} additions; not constant time.
     */
    static long[] mul(CurveKernel kernel, long[] p, BigInteger k) {
        int n = kernel.jacobianLongs();
        long[] acc = new long[n];
        kernel.setInfinity(acc, 0);
        BigInteger e = k.abs();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            kernel.dbl(acc, 0, acc, 0);
            if (e.testBit(i)) {
                kernel.add(acc, 0, acc, 0, p, 0);
            }
        }
        if (k.signum() < 0) {
            kernel.neg(acc, 0, acc, 0);
        }
        return acc;
    }
}
