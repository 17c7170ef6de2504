package io.zkml4j.algebra.internal;

/**
 * Allocation-free group law of one BN254 curve group on flat {@code long[]} arrays, so that one
 * multi-scalar multiplication serves both G1 and G2.
 *
 * <p>Layouts (all coordinates in Montgomery form, reduced):
 * <ul>
 *   <li>Jacobian point: {@code X, Y, Z} in {@link #jacobianLongs()} consecutive longs, representing
 *       the affine point {@code (X/Z², Y/Z³)}; {@code Z = 0} is the point at infinity (whatever X and Y
 *       hold).</li>
 *   <li>Affine point: {@code x, y} in {@link #affineLongs()} consecutive longs; all-zero limbs encode
 *       the point at infinity ({@code (0, 0)} is on neither curve, so the encoding is unambiguous).</li>
 * </ul>
 *
 * <p>Inputs are assumed to be on the curve; nothing is validated here. Output slots may alias input
 * slots. Instances hold scratch space and are <em>not thread-safe</em>: use one instance per thread
 * (they are cheap to create). Exception: the size queries and the infinity predicates touch no
 * scratch and may be called from any thread.
 */
public interface CurveKernel {

    /** Longs per Jacobian point (12 for G1, 24 for G2). */
    int jacobianLongs();

    /** Longs per affine point (8 for G1, 16 for G2). */
    int affineLongs();

    /** Writes the point at infinity ({@code X = Y = 1, Z = 0}). */
    void setInfinity(long[] r, int ro);

    /** True when the Jacobian point is the point at infinity ({@code Z = 0}). */
    boolean isInfinity(long[] p, int po);

    /** True when the affine point is the all-zero encoding of infinity. */
    boolean isAffineInfinity(long[] a, int ao);

    /** {@code r = 2p} (Jacobian), dbl-2009-l: 2M + 5S. */
    void dbl(long[] r, int ro, long[] p, int po);

    /** {@code r = p + q} (both Jacobian), add-2007-bl: 11M + 5S; handles {@code p = ±q} and infinity. */
    void add(long[] r, int ro, long[] p, int po, long[] q, int qo);

    /** {@code r = p + a} (Jacobian + affine), madd-2007-bl: 7M + 4S; handles {@code p = ±a} and infinity. */
    void addMixed(long[] r, int ro, long[] p, int po, long[] a, int ao);

    /** {@code r = p − a} (Jacobian − affine), as {@link #addMixed} with the affine point negated. */
    void subMixed(long[] r, int ro, long[] p, int po, long[] a, int ao);

    /** {@code r = −p} (Jacobian). */
    void neg(long[] r, int ro, long[] p, int po);

    /** Negates an affine point in place (infinity stays infinity). */
    void negateAffine(long[] a, int ao);

    /** Copies a Jacobian point. */
    default void copy(long[] r, int ro, long[] p, int po) {
        System.arraycopy(p, po, r, ro, jacobianLongs());
    }

    /** Writes the Jacobian form {@code (x, y, 1)} of an affine point (infinity stays infinity). */
    void fromAffine(long[] r, int ro, long[] a, int ao);

    /**
     * Writes the affine form of a Jacobian point (all zeros for infinity); costs one field inversion.
     */
    void toAffine(long[] r, int ro, long[] p, int po);

    /**
     * Converts {@code n} consecutive Jacobian points to {@code n} consecutive affine points with one
     * field inversion in total (Montgomery's trick). Points at infinity become all-zero affine points.
     */
    void batchToAffine(long[] jacobian, int jo, long[] affine, int ao, int n);

    /** True when both Jacobian points represent the same group element (costs 4M + 2S in Fq or Fq2). */
    boolean equal(long[] p, int po, long[] q, int qo);

    /**
     * The estimated cost of one {@link #batchAddAffine} addition in scalar field multiplications (the
     * inversion's share and the conflicts included), for the MSM's choice of window size.
     */
    default double batchAddAffineCost() {
        return 7.5;
    }

    /** True when the two affine points (not infinity) have the same x coordinate, i.e. are equal or opposite. */
    boolean sameX(long[] a, int ao, long[] b, int bo);

    /**
     * Affine additions in bulk with one shared field inversion (Montgomery's trick): for each
     * {@code i < count}, {@code buckets[bucketOffsets[i]] ← bucket + (negate[i] ? −P : P)} with {@code P}
     * the affine point at {@code points[pointOffsets[i]]}. Cost per addition: about 5M + 1S plus
     * {@code 1/count} of an inversion, against 7M + 4S for a mixed Jacobian addition.
     *
     * <p>Preconditions (the caller routes every other case elsewhere): no bucket offset occurs twice;
     * no bucket and no point is infinity; no point has the same x as its bucket ({@link #sameX}).
     */
    void batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets,
                        boolean[] negate, int count);
}
