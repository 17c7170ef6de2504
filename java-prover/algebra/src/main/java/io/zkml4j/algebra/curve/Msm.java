package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;

/**
 * Multi-scalar multiplication {@code Σ [s_i] P_i} over BN254 G1 and G2 (the bulk of Groth16 proving),
 * by the bucket method with signed digits; see {@link Pippenger} for the algorithm.
 *
 * <p>Cost, for {@code m} non-zero scalars of at most {@code b} bits and window size {@code c} chosen from
 * {@code m} and {@code b}: about {@code ⌈(b+1)/c⌉ · (m + 2^c)} point additions, spread over the common
 * ForkJoin pool. Zero scalars cost nothing; scalars near {@code r} (small negatives such as −1) are
 * handled as small scalars of the negated point; when every scalar is small only the low windows run.
 *
 * <p>Memory: the points are read in chunks from a {@link PointSource} (an array, or a key file), so
 * besides the inputs an MSM holds per parallel task one chunk of points and one set of
 * {@code 2^(c−1)} buckets (a few MB at {@code n = 2^20}). Scalars are prepared once
 * ({@link MsmScalars}, 32 bytes each, in place if wanted) and can serve several MSMs.
 *
 * <p>Inputs are not validated beyond their lengths and the scalars' reduction: points are assumed on
 * the curve and in the subgroup (as {@link G1Affine} and {@link G2Affine} guarantee; a key file's
 * {@link PointSource} checks what it reads). Input arrays are read, never modified. Thread-safe:
 * calls share nothing but the common ForkJoin pool.
 */
public final class Msm {

    private Msm() {
    }

    /**
     * Prepares the vector kernels that large MSMs use when the JVM has the Vector API (see
     * {@link io.zkml4j.algebra.internal.Lanes}): starts, once per JVM, a background thread that gets them
     * compiled (about a core-second of JIT work); until it is done, MSMs use the scalar kernels. Returns
     * at once; a no-op without the Vector API.
     */
    public static void warmUp() {
        io.zkml4j.algebra.internal.Lanes.warmUp();
    }

    /**
     * {@link #warmUp} when MSMs of {@code points} points are coming and that is enough work to pay for
     * the warm-up (2^17 points or more, BENCHMARKS.md). MSMs call it themselves; the Groth16 prover calls
     * it before its FFTs so that the lanes are ready sooner.
     */
    public static void warmUpFor(int points) {
        if (points >= LANES_WARM_UP_POINTS) {
            warmUp();
        }
    }

    /** MSM size from which the vector kernels' warm-up pays off. */
    static final int LANES_WARM_UP_POINTS = 1 << 17;

    /**
     * {@code Σ [scalars[i]] points[i]}.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static G1Jacobian g1(G1Affine[] points, Fr[] scalars) {
        requireSameLength(points.length, scalars.length);
        int n = points.length;
        long[] flatPoints = new long[G1Kernel.AFFINE_LONGS * n];
        long[] flatScalars = new long[4 * n];
        for (int i = 0; i < n; i++) {
            points[i].writeMontgomery(flatPoints, G1Kernel.AFFINE_LONGS * i);
            scalars[i].writeMontgomery(flatScalars, 4 * i);
        }
        return g1(flatPoints, flatScalars, n);
    }

    /**
     * {@code Σ [s_i] P_i} on flat arrays, the prover's entry point.
     *
     * @param points {@code n} affine G1 points, 8 Montgomery limbs each ({@code x, y}; all zero for
     *     infinity), as written by {@link G1Affine#writeMontgomery}
     * @param scalars {@code n} Fr elements as reduced Montgomery limbs, 4 each, as written by
     *     {@link Fr#writeMontgomery}
     * @throws IllegalArgumentException if an array is shorter than {@code n} elements or a scalar's
     *     limbs are not reduced
     */
    public static G1Jacobian g1(long[] points, long[] scalars, int n) {
        return g1(PointSource.of(points, G1Kernel.AFFINE_LONGS, n), MsmScalars.fromMontgomery(scalars, n));
    }

    /** As {@link #g1(long[], long[], int)} on the calling thread only (for callers that parallelise above). */
    public static G1Jacobian g1Sequential(long[] points, long[] scalars, int n) {
        return G1Jacobian.wrap(Pippenger.msm(G1Kernel::new, PointSource.of(points, G1Kernel.AFFINE_LONGS, n),
                MsmScalars.fromMontgomery(scalars, n), false, null));
    }

    /**
     * {@code Σ [s_i] P_i} over G1 points read from a source (8 longs per point), the prover's entry
     * point: the scalars are prepared once for several MSMs.
     *
     * @throws IllegalArgumentException if the source does not hold exactly {@code scalars.size()} G1
     *     points
     */
    public static G1Jacobian g1(PointSource points, MsmScalars scalars) {
        return G1Jacobian.wrap(Pippenger.msm(G1Kernel::new, points, scalars, true, null));
    }

    /**
     * {@code Σ [scalars[i]] points[i]} in G2.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static G2Jacobian g2(G2Affine[] points, Fr[] scalars) {
        requireSameLength(points.length, scalars.length);
        int n = points.length;
        long[] flatPoints = new long[G2Kernel.AFFINE_LONGS * n];
        long[] flatScalars = new long[4 * n];
        for (int i = 0; i < n; i++) {
            points[i].writeMontgomery(flatPoints, G2Kernel.AFFINE_LONGS * i);
            scalars[i].writeMontgomery(flatScalars, 4 * i);
        }
        return g2(flatPoints, flatScalars, n);
    }

    /**
     * {@code Σ [s_i] P_i} in G2 on flat arrays.
     *
     * @param points {@code n} affine G2 points, 16 Montgomery limbs each ({@code x.c0, x.c1, y.c0, y.c1};
     *     all zero for infinity), as written by {@link G2Affine#writeMontgomery}
     * @param scalars {@code n} Fr elements as reduced Montgomery limbs, 4 each
     * @throws IllegalArgumentException if an array is shorter than {@code n} elements or a scalar's
     *     limbs are not reduced
     */
    public static G2Jacobian g2(long[] points, long[] scalars, int n) {
        return g2(PointSource.of(points, G2Kernel.AFFINE_LONGS, n), MsmScalars.fromMontgomery(scalars, n));
    }

    /** As {@link #g2(long[], long[], int)} on the calling thread only. */
    public static G2Jacobian g2Sequential(long[] points, long[] scalars, int n) {
        return G2Jacobian.wrap(Pippenger.msm(G2Kernel::new, PointSource.of(points, G2Kernel.AFFINE_LONGS, n),
                MsmScalars.fromMontgomery(scalars, n), false, null));
    }

    /** As {@link #g1(PointSource, MsmScalars)} in G2 (16 longs per point). */
    public static G2Jacobian g2(PointSource points, MsmScalars scalars) {
        return G2Jacobian.wrap(Pippenger.msm(G2Kernel::new, points, scalars, true, null));
    }

    static void requireSameLength(int points, int scalars) {
        if (points != scalars) {
            throw new IllegalArgumentException("Expected as many scalars as points but got " + points
                    + " points and " + scalars + " scalars");
        }
    }
}
