package io.zkml4j.groth16.zkey;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;

/**
 * The check every point of a zkey's point sections gets, whether the key is read whole
 * ({@link ZkeyFile#read}) or streamed ({@link ZkeyPointSection}): the all-zero encoding of infinity,
 * or every coordinate below q and the point on its curve. Holds a curve kernel: one per thread.
 */
final class PointCheck {

    private final boolean g2;
    private final int longs;
    private final G1Kernel g1Kernel;
    private final G2Kernel g2Kernel;

    PointCheck(boolean g2) {
        this.g2 = g2;
        this.longs = g2 ? G2Kernel.AFFINE_LONGS : G1Kernel.AFFINE_LONGS;
        this.g1Kernel = g2 ? null : new G1Kernel();
        this.g2Kernel = g2 ? new G2Kernel() : null;
    }

    /** Longs per point: 8 (G1) or 16 (G2). */
    int longs() {
        return longs;
    }

    /**
     * What is wrong with the point at {@code v[o]}, as the end of a sentence starting "point i"
     * ({@code "has a coordinate not below q"}, {@code "is not on the BN254 G1 curve"}); {@code null}
     * when it is valid.
     */
    String problem(long[] v, int o) {
        int longs = longs();
        boolean zero = true;
        for (int k = 0; k < longs; k++) {
            zero &= v[o + k] == 0;
        }
        if (zero) {
            return null;
        }
        for (int k = 0; k < longs; k += 4) {
            if (!Fq.KERNEL.isCanonical(v, o + k)) {
                return "has a coordinate not below q";
            }
        }
        if (!(g2 ? g2Kernel.isOnCurve(v, o) : g1Kernel.isOnCurve(v, o))) {
            return "is not on the BN254 " + (g2 ? "G2 twist" : "G1") + " curve";
        }
        return null;
    }
}
