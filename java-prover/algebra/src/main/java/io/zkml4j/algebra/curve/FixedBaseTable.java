package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.CurveKernel;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Many scalar multiplications {@code [s_i]·P} of one fixed base point {@code P} (a Groth16 setup
 * multiplies the generators by hundreds of thousands of scalars), by a precomputed windowed table.
 *
 * <h2>Method</h2>
 * With window size {@code c}, a scalar {@code s < 2^254} is cut into {@code W = ⌊254/c⌋ + 1} signed
 * digits {@code d_w ∈ [−2^(c−1), 2^(c−1)]} with {@code s = Σ d_w·2^(c·w)} (the recoding of
 * {@link Pippenger}), and the table holds {@code d·2^(c·w)·P} for every window {@code w} and
 * {@code d = 1 .. 2^(c−1)} as affine points. A product is then at most {@code W} mixed additions
 * (a negative digit adds the negated table point) and no doubling. Products are computed in blocks of
 * {@value #BLOCK} Jacobian accumulators that go to affine form together (one field inversion per
 * block), the blocks spread over the common ForkJoin pool. The hot loop works on flat limbs and
 * allocates nothing.
 *
 * <h2>Cost and memory</h2>
 * Building: {@code W·2^(c−1)} additions; the table takes {@code W·2^(c−1)} affine points (64 bytes in
 * G1, 128 in G2: for {@code c = 16}, 32 MiB in G1). Each product: {@code W} mixed additions.
 * {@link #windowBitsFor(long)} picks the {@code c} that minimizes the total for a given number of
 * products.
 *
 * <p>Not constant time: for public data or for development keys only (see
 * {@code io.zkml4j.groth16.setup.DevSetup}). The scalars are read, never modified; the one scratch copy
 * of a scalar is cleared after each block. Immutable and thread-safe after construction.
 */
public final class FixedBaseTable {

    /** Bits of the largest scalar, {@code r − 1 < 2^254}. */
    private static final int SCALAR_BITS = 254;

    /** Products converted to affine form together. */
    static final int BLOCK = 1024;

    /** The largest window accepted (a G2 table of 2^15 points per window, 64 MiB at c = 16). */
    public static final int MAX_WINDOW_BITS = 16;

    private static final MontgomeryKernel FR = Fr.KERNEL;

    private final Supplier<CurveKernel> kernels;
    private final int affineLongs;
    private final int windowBits;
    private final int windows;
    private final int perWindow;
    /** Window {@code w}, digit {@code d ≥ 1}: the affine point {@code d·2^(c·w)·P} at {@code affineLongs·(w·perWindow + d − 1)}. */
    private final long[] table;

    private FixedBaseTable(Supplier<CurveKernel> kernels, long[] baseAffine, int windowBits) {
        if (windowBits < 1 || windowBits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("Expected a window of 1 to " + MAX_WINDOW_BITS + " bits but got "
                    + windowBits);
        }
        this.kernels = kernels;
        CurveKernel k = kernels.get();
        this.affineLongs = k.affineLongs();
        this.windowBits = windowBits;
        this.windows = SCALAR_BITS / windowBits + 1;
        this.perWindow = 1 << (windowBits - 1);
        this.table = new long[Math.multiplyExact(Math.multiplyExact(windows, perWindow), affineLongs)];
        // The window bases 2^(c·w)·P, affine.
        int jl = k.jacobianLongs();
        long[] bases = new long[windows * jl];
        k.fromAffine(bases, 0, baseAffine, 0);
        for (int w = 1; w < windows; w++) {
            k.copy(bases, w * jl, bases, (w - 1) * jl);
            for (int i = 0; i < windowBits; i++) {
                k.dbl(bases, w * jl, bases, w * jl);
            }
        }
        long[] basesAffine = new long[windows * affineLongs];
        k.batchToAffine(bases, 0, basesAffine, 0, windows);
        IntStream.range(0, windows).parallel().forEach(w -> fillWindow(kernels.get(), basesAffine, w));
    }

    /** {@code d·B} for {@code d = 1 .. perWindow}, {@code B} the window's base, into the table. */
    private void fillWindow(CurveKernel k, long[] basesAffine, int w) {
        int jl = k.jacobianLongs();
        int bo = w * affineLongs;
        long[] jac = new long[Math.min(perWindow, BLOCK) * jl];
        long[] acc = new long[jl];
        k.setInfinity(acc, 0);
        for (int from = 0; from < perWindow; from += BLOCK) {
            int count = Math.min(BLOCK, perWindow - from);
            for (int i = 0; i < count; i++) {
                k.addMixed(acc, 0, acc, 0, basesAffine, bo);
                System.arraycopy(acc, 0, jac, i * jl, jl);
            }
            k.batchToAffine(jac, 0, table, affineLongs * (w * perWindow + from), count);
        }
    }

    /**
     * The table of {@code base} in G1.
     *
     * @throws IllegalArgumentException unless {@code 1 <= windowBits <= 16}
     */
    public static FixedBaseTable g1(G1Affine base, int windowBits) {
        long[] b = new long[G1Kernel.AFFINE_LONGS];
        Objects.requireNonNull(base, "base").writeMontgomery(b, 0);
        return new FixedBaseTable(G1Kernel::new, b, windowBits);
    }

    /**
     * The table of {@code base} in G2.
     *
     * @throws IllegalArgumentException unless {@code 1 <= windowBits <= 16}
     */
    public static FixedBaseTable g2(G2Affine base, int windowBits) {
        long[] b = new long[G2Kernel.AFFINE_LONGS];
        Objects.requireNonNull(base, "base").writeMontgomery(b, 0);
        return new FixedBaseTable(G2Kernel::new, b, windowBits);
    }

    /**
     * The window size that minimizes building plus {@code products} multiplications (counting a table
     * point as two additions: it is built with a Jacobian addition and an affine conversion), capped at
     * {@link #MAX_WINDOW_BITS}.
     */
    public static int windowBitsFor(long products) {
        int best = 1;
        double bestCost = Double.MAX_VALUE;
        for (int c = 1; c <= MAX_WINDOW_BITS; c++) {
            double cost = (SCALAR_BITS / c + 1) * (Math.max(products, 1) + 2.0 * (1 << (c - 1)));
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** The window size {@code c}. */
    public int windowBits() {
        return windowBits;
    }

    /** Points held by the table, {@code (⌊254/c⌋ + 1)·2^(c−1)}. */
    public int size() {
        return windows * perWindow;
    }

    /**
     * {@code [s_i]·P} for {@code n} scalars, as affine points.
     *
     * @param scalars {@code n} elements of Fr as reduced Montgomery limbs (4 longs each), from index 0
     * @return {@code n} affine points in the {@link Msm} layout (8 or 16 Montgomery limbs each, all zero
     *     for infinity)
     * @throws IllegalArgumentException if {@code scalars} is shorter than {@code 4·n} longs
     */
    public long[] mul(long[] scalars, int n) {
        long[] out = new long[Math.multiplyExact(n, affineLongs)];
        mul(scalars, 0, n, out, 0);
        return out;
    }

    /**
     * {@code [s_i]·P} for the {@code n} scalars starting at element {@code from} of {@code scalars}, written
     * as affine points from point {@code to} of {@code out}, in parallel over the common ForkJoin pool.
     *
     * @throws IllegalArgumentException if an array is too short for the range
     */
    public void mul(long[] scalars, int from, int n, long[] out, int to) {
        if (n < 0 || from < 0 || to < 0 || scalars.length < 4L * ((long) from + n)
                || out.length < (long) affineLongs * ((long) to + n)) {
            throw new IllegalArgumentException("Expected scalars [" + from + ", " + ((long) from + n)
                    + ") within " + scalars.length / 4 + " scalars and points [" + to + ", " + ((long) to + n)
                    + ") within " + out.length / affineLongs + " points");
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int start = b * BLOCK, count = Math.min(BLOCK, n - start);
            mulBlock(kernels.get(), scalars, from + start, count, out, to + start);
        });
    }

    private void mulBlock(CurveKernel k, long[] scalars, int from, int count, long[] out, int to) {
        int jl = k.jacobianLongs();
        long[] jac = new long[count * jl];
        long[] s = new long[4];
        for (int i = 0; i < count; i++) {
            int acc = i * jl;
            k.setInfinity(jac, acc);
            FR.fromMontgomery(s, 0, scalars, 4 * (from + i));
            for (int w = 0; w < windows; w++) {
                int d = Pippenger.digit(s, 0, w, windowBits);
                if (d > 0) {
                    k.addMixed(jac, acc, jac, acc, table, affineLongs * (w * perWindow + d - 1));
                } else if (d < 0) {
                    k.subMixed(jac, acc, jac, acc, table, affineLongs * (w * perWindow - d - 1));
                }
            }
        }
        Arrays.fill(s, 0L); // the scalars may be secret (a setup's toxic waste): leave no copy
        k.batchToAffine(jac, 0, out, affineLongs * to, count);
    }
}
