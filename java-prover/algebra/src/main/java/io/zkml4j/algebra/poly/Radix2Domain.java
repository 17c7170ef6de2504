package io.zkml4j.algebra.poly;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The multiplicative subgroup {@code H = {1, ω, ω², …, ω^(n−1)}} of Fr* of order {@code n = 2^k},
 * {@code 0 <= k <= 28}, with radix-2 FFTs over it: the evaluation domain of Groth16's QAP.
 *
 * <h2>The root of unity</h2>
 * {@code ω} is fixed, not merely "some primitive n-th root": {@code ω_(2^28) = 5^((r−1)/2^28)}, where 5
 * is the smallest quadratic non-residue modulo r (so this power has order exactly {@code 2^28} and
 * generates the 2-Sylow subgroup of Fr*), and {@code ω_(2^k) = ω_(2^28)^(2^(28−k))}. This is exactly the root that snarkjs/ffjavascript
 * ({@code Fr.w[k]}), circom and libsnark use, so evaluations and zkey contents agree with theirs.
 *
 * <h2>Vectors</h2>
 * The transforms work in place on flat {@code long[]} vectors of exactly {@code 4·n} longs: element
 * {@code i} occupies {@code v[4i .. 4i+3]} as four little-endian 64-bit limbs in Montgomery form,
 * reduced (the layout of {@link Fr#writeMontgomery} and {@link MontgomeryKernel}). Inputs and outputs are
 * in <em>natural</em> order (the bit-reversal permutation is done internally). Limbs that are not
 * reduced Montgomery values give unspecified (but memory-safe) results. Callers must not touch the
 * array from another thread during a transform. {@code Fr[]} overloads copy in and out and leave their
 * argument unchanged.
 *
 * <h2>Groth16</h2>
 * The prover turns the evaluations of A, B, C on the domain into evaluations on a coset with
 * {@link #ifft(long[])} then {@link #cosetFft(long[], Fr)}, or in one call (and {@code n} multiplications
 * fewer) with {@link #evaluationsOnCoset(long[], Fr)}. For compatibility with snarkjs zkeys the coset
 * must be snarkjs's: {@link #snarkjsCosetShift()}, a primitive {@code 2n}-th root of unity, so the coset
 * consists of the "odd" {@code 2n}-th roots of unity {@code ω_2n^(2i+1)}.
 *
 * <h2>Cost and parallelism</h2>
 * Every transform costs {@code (n/2)·log2 n} Montgomery multiplications (minus the trivial twiddles)
 * plus O(n) for the permutation and, for the inverse and coset variants, one or two multiplications
 * per element. The first transform on an instance builds its twiddle table ({@code n − 1} elements,
 * {@code 32·n} bytes, kept for the instance's lifetime: 32 MiB at {@code 2^20}, 8 GiB at {@code 2^28}),
 * so build a domain once and reuse it. Creating a domain is cheap and needs no table.
 * Domains of at least {@code 2^11} points split the butterflies of a stage and the independent
 * sub-FFTs over {@link java.util.concurrent.ForkJoinPool#commonPool()}; results do not
 * depend on whether or how the work was split.
 *
 * <p>Instances are immutable (the lazily built twiddle table is an invisible cache) and thread-safe.
 */
public final class Radix2Domain {

    /** The largest supported log-size: 28, the 2-adicity of {@code r − 1}. */
    public static final int MAX_LOG_SIZE = Bn254.FR_TWO_ADICITY;

    /**
     * Domains with at least {@code 2^this} points are transformed in parallel. Measured on 2 cores (best
     * of many runs, sequential vs parallel): {@code 2^11} 0.73 vs 0.49 ms, {@code 2^14} 7.9 vs 4.8 ms,
     * {@code 2^18} 169 vs 90 ms; below {@code 2^11} the gain is under 0.1 ms.
     */
    static final int DEFAULT_PARALLEL_LOG_THRESHOLD = 11;

    /**
     * Sub-FFTs of at most {@code 2^this} points (32 KiB) run stage by stage, in cache. The transform is
     * bound by field multiplication, so 2^8..2^12 measured the same; 2^10 leaves two blocks for the two
     * cores at the parallel threshold.
     */
    static final int DEFAULT_BLOCK_LOG = 10;

    /** The default tuning: parallel from {@code 2^11} points, in-cache blocks of {@code 2^10}. */
    static final Tuning DEFAULT_TUNING = new Tuning(DEFAULT_PARALLEL_LOG_THRESHOLD, DEFAULT_BLOCK_LOG);

    /** Elements per leaf task of a parallel loop. */
    private static final int GRAIN = 1 << 10;

    private static final MontgomeryKernel K = Fr.KERNEL;

    private static final int L = MontgomeryKernel.LIMBS;

    /** The smallest quadratic non-residue modulo r; also the generator of Fr* that libsnark uses. */
    private static final BigInteger NON_RESIDUE = BigInteger.valueOf(5);

    /** {@code ROOTS[k]}: the primitive {@code 2^k}-th root of unity {@code 5^((r−1)/2^k)}. */
    private static final Fr[] ROOTS = deriveRoots();

    private final int logSize;
    private final int size;
    private final Fr omega;
    private final Fr omegaInverse;
    private final long[] sizeInverseMont;
    private volatile long[] twiddles;

    private Radix2Domain(int logSize) {
        this.logSize = logSize;
        this.size = 1 << logSize;
        this.omega = ROOTS[logSize];
        this.omegaInverse = omega.inverse();
        this.sizeInverseMont = Fr.of(size).inverse().montgomeryLimbs();
    }

    // ---- Factories -----------------------------------------------------------------------------

    /**
     * The domain of {@code size} points.
     *
     * @throws IllegalArgumentException unless {@code size} is a power of two in {@code [1, 2^28]}
     */
    public static Radix2Domain of(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("Expected a power of two as the domain size but got " + size);
        }
        int k = Integer.numberOfTrailingZeros(size);
        if (k > MAX_LOG_SIZE) {
            throw new IllegalArgumentException("Expected a domain size of at most 2^" + MAX_LOG_SIZE
                    + " (the 2-adicity of r - 1) but got 2^" + k);
        }
        return new Radix2Domain(k);
    }

    /**
     * The domain of {@code 2^logSize} points.
     *
     * @throws IllegalArgumentException unless {@code 0 <= logSize <= 28}
     */
    public static Radix2Domain ofLog(int logSize) {
        if (logSize < 0 || logSize > MAX_LOG_SIZE) {
            throw new IllegalArgumentException("Expected a log domain size in [0, " + MAX_LOG_SIZE
                    + "] (the 2-adicity of r - 1) but got " + logSize);
        }
        return new Radix2Domain(logSize);
    }

    /**
     * The smallest domain with at least {@code minSize} points (for a QAP: the number of constraints
     * plus public inputs).
     *
     * @throws IllegalArgumentException if {@code minSize < 0} or {@code minSize > 2^28}
     */
    public static Radix2Domain ofAtLeast(int minSize) {
        if (minSize < 0 || minSize > 1 << MAX_LOG_SIZE) {
            throw new IllegalArgumentException("Expected a minimum domain size in [0, 2^" + MAX_LOG_SIZE
                    + "] but got " + minSize);
        }
        return new Radix2Domain(minSize <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(minSize - 1));
    }

    // ---- Structure -------------------------------------------------------------------------------

    /** The number of points n. */
    public int size() {
        return size;
    }

    /** {@code log2 n}. */
    public int logSize() {
        return logSize;
    }

    /** {@code ω}, the fixed primitive n-th root of unity generating the domain (see the class comment). */
    public Fr generator() {
        return omega;
    }

    /** {@code ω^−1}. */
    public Fr generatorInverse() {
        return omegaInverse;
    }

    /**
     * The point {@code ω^i}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < n}
     */
    public Fr element(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("Expected a domain index in [0, " + size + ") but got " + i);
        }
        return omega.pow(i);
    }

    /**
     * The shift snarkjs's Groth16 prover uses for its coset FFTs, which {@code groth16}'s prover must use
     * too so that its {@code h} matches the zkey's H points: a primitive {@code 2n}-th root of unity
     * {@code ω_2n} (with {@code ω_2n² = ω}) when {@code n < 2^28}, so the coset points
     * {@code ω_2n·ω^i = ω_2n^(2i+1)} are the "odd" 2n-th roots of unity, where the vanishing polynomial
     * is the constant {@code −2}; for {@code n = 2^28}, where no {@code 2^29}-th root exists, 25 (the
     * square of the non-residue 5, ffjavascript's {@code Fr.shift}).
     *
     * <p>snarkjs computes, for each of A, B, C: {@code ifft} of the evaluations on the domain, multiply
     * coefficient {@code i} by {@code shift^i}, {@code fft}; that is {@link #cosetFft(long[], Fr)} after
     * {@link #ifft(long[])} with this shift, or {@link #evaluationsOnCoset(long[], Fr)} in one call.
     */
    public Fr snarkjsCosetShift() {
        return logSize < MAX_LOG_SIZE ? ROOTS[logSize + 1] : Fr.of(NON_RESIDUE.pow(2));
    }

    // ---- Polynomials at a point ---------------------------------------------------------------

    /** {@code Z_H(x) = x^n − 1}, zero exactly on the domain; costs {@code log2 n} squarings. */
    public Fr vanishingPolynomialAt(Fr x) {
        Fr p = x;
        for (int i = 0; i < logSize; i++) {
            p = p.square();
        }
        return p.sub(Fr.ONE);
    }

    /**
     * The values {@code L_0(τ), …, L_(n−1)(τ)} of the Lagrange basis of the domain ({@code L_i(ω^j) = δ_ij},
     * degree {@code < n}), so that a polynomial with evaluations {@code e_i} on the domain takes the value
     * {@code Σ e_i·L_i(τ)} at {@code τ}. Uses {@code L_i(τ) = ω^i·(τ^n − 1) / (n·(τ − ω^i))} with one batch
     * inversion: O(n) multiplications. If {@code τ = ω^j} is in the domain, the result is the unit vector
     * {@code e_j}.
     *
     * @return a new array of {@code n} elements
     */
    public Fr[] evaluateLagrangeCoefficients(Fr tau) {
        long[] flat = new long[L * size];
        lagrangeCoefficientsAt(tau.montgomeryLimbs(), 0, flat);
        Fr[] out = new Fr[size];
        for (int i = 0; i < size; i++) {
            out[i] = Fr.fromMontgomeryLimbs(flat, L * i);
        }
        return out;
    }

    /**
     * {@link #evaluateLagrangeCoefficients(Fr)} on flat limbs, for callers that must not leave the point
     * or the values in immutable objects (a setup's secret τ, which it zeroes afterwards): writes
     * {@code L_i(τ)} to {@code out[4i .. 4i+3]}, τ read as Montgomery limbs at {@code tau[tauOffset]}.
     * Allocates only flat scratch (two vectors of {@code 4·n} longs), which it zeroes before returning.
     *
     * @throws IllegalArgumentException unless {@code out.length >= 4·n}
     */
    public void lagrangeCoefficientsAt(long[] tau, int tauOffset, long[] out) {
        if (out.length < L * size) {
            throw new IllegalArgumentException("Expected an output of at least " + L * size + " longs but got "
                    + out.length);
        }
        long[] t = new long[L];
        System.arraycopy(tau, tauOffset, t, 0, L);
        long[] z = new long[L];                       // τ^n − 1
        System.arraycopy(t, 0, z, 0, L);
        for (int i = 0; i < logSize; i++) {
            K.square(z, 0, z, 0);
        }
        long[] one = new long[L];
        K.setOne(one, 0);
        K.sub(z, 0, z, 0, one, 0);
        long[] powers = new long[L * size];
        long[] scratch = new long[L * size];
        long[] w = omega.montgomeryLimbs();
        K.setOne(powers, 0);
        for (int i = 1; i < size; i++) {
            K.mul(powers, L * i, powers, L * (i - 1), w, 0);
        }
        if (MontgomeryKernel.isZero(z, 0)) {          // τ = ω^j: the unit vector e_j
            for (int i = 0; i < size; i++) {
                int o = L * i;
                if (MontgomeryKernel.equal(powers, o, t, 0)) {
                    System.arraycopy(one, 0, out, o, L);
                } else {
                    Arrays.fill(out, o, o + L, 0L);
                }
            }
        } else {
            for (int i = 0; i < size; i++) {
                K.sub(out, L * i, t, 0, powers, L * i);
            }
            K.batchInverse(out, 0, size, scratch);
            long[] c = new long[L];
            K.mul(c, 0, z, 0, sizeInverseMont, 0);
            for (int i = 0; i < size; i++) {
                int o = L * i;
                K.mul(out, o, out, o, powers, o);
                K.mul(out, o, out, o, c, 0);
            }
            Arrays.fill(c, 0L);
        }
        Arrays.fill(scratch, 0L);
        Arrays.fill(t, 0L);
        Arrays.fill(z, 0L);
    }

    // ---- Transforms on flat Montgomery vectors -------------------------------------------------

    /**
     * Evaluates in place: on entry {@code v} holds the coefficients {@code a_0..a_(n−1)} of a polynomial
     * of degree {@code < n}, on return it holds {@code a(ω^0), …, a(ω^(n−1))}, both in natural order.
     *
     * @throws IllegalArgumentException unless {@code v.length == 4·n}
     */
    public void fft(long[] v) {
        fft(v, DEFAULT_TUNING);
    }

    /**
     * Interpolates in place, the inverse of {@link #fft(long[])}: on entry the evaluations at
     * {@code ω^0..ω^(n−1)}, on return the coefficients, both in natural order.
     *
     * @throws IllegalArgumentException unless {@code v.length == 4·n}
     */
    public void ifft(long[] v) {
        ifft(v, DEFAULT_TUNING);
    }

    /**
     * Evaluates on the coset {@code g·H} in place: on entry coefficients, on return
     * {@code a(g·ω^0), …, a(g·ω^(n−1))}, natural order. Costs {@code 2n} multiplications more than
     * {@link #fft(long[])}. For the Groth16 quotient use {@link #snarkjsCosetShift()} as {@code g}.
     *
     * @throws IllegalArgumentException unless {@code v.length == 4·n}, or if {@code shift} is zero
     */
    public void cosetFft(long[] v, Fr shift) {
        cosetFft(v, shift, DEFAULT_TUNING);
    }

    /**
     * Interpolates from the coset {@code g·H} in place, the inverse of {@link #cosetFft(long[], Fr)}: on
     * entry {@code a(g·ω^i)} for {@code i = 0..n−1}, on return the coefficients of {@code a}.
     *
     * @throws IllegalArgumentException unless {@code v.length == 4·n}, or if {@code shift} is zero
     */
    public void cosetIfft(long[] v, Fr shift) {
        cosetIfft(v, shift, DEFAULT_TUNING);
    }

    /**
     * Moves a polynomial from the domain to the coset {@code g·H} in place: on entry {@code a(ω^i)}, on
     * return {@code a(g·ω^i)}, {@code i = 0..n−1}, natural order, for the unique {@code a} of degree
     * {@code < n}. Equal to {@link #ifft(long[])} followed by {@link #cosetFft(long[], Fr)}, with the two
     * scaling passes fused into one ({@code n} multiplications fewer). This is the Groth16 prover's step
     * for each of A, B and C, with {@code g =} {@link #snarkjsCosetShift()}.
     *
     * @throws IllegalArgumentException unless {@code v.length == 4·n}, or if {@code shift} is zero
     */
    public void evaluationsOnCoset(long[] v, Fr shift) {
        evaluationsOnCoset(v, shift, DEFAULT_TUNING);
    }

    // ---- Convenience overloads on Fr[] -----------------------------------------------------------

    /**
     * {@link #fft(long[])} on a copy.
     *
     * @return a new array with the n evaluations
     * @throws IllegalArgumentException unless {@code coeffs.length == n}
     */
    public Fr[] fft(Fr[] coeffs) {
        long[] v = toFlat(coeffs);
        fft(v);
        return fromFlat(v);
    }

    /**
     * {@link #ifft(long[])} on a copy.
     *
     * @return a new array with the n coefficients
     * @throws IllegalArgumentException unless {@code evals.length == n}
     */
    public Fr[] ifft(Fr[] evals) {
        long[] v = toFlat(evals);
        ifft(v);
        return fromFlat(v);
    }

    /**
     * {@link #cosetFft(long[], Fr)} on a copy.
     *
     * @throws IllegalArgumentException unless {@code coeffs.length == n}, or if {@code shift} is zero
     */
    public Fr[] cosetFft(Fr[] coeffs, Fr shift) {
        long[] v = toFlat(coeffs);
        cosetFft(v, shift);
        return fromFlat(v);
    }

    /**
     * {@link #cosetIfft(long[], Fr)} on a copy.
     *
     * @throws IllegalArgumentException unless {@code evals.length == n}, or if {@code shift} is zero
     */
    public Fr[] cosetIfft(Fr[] evals, Fr shift) {
        long[] v = toFlat(evals);
        cosetIfft(v, shift);
        return fromFlat(v);
    }

    /**
     * {@link #evaluationsOnCoset(long[], Fr)} on a copy.
     *
     * @throws IllegalArgumentException unless {@code evals.length == n}, or if {@code shift} is zero
     */
    public Fr[] evaluationsOnCoset(Fr[] evals, Fr shift) {
        long[] v = toFlat(evals);
        evaluationsOnCoset(v, shift);
        return fromFlat(v);
    }

    // ---- Tunable implementations (package-private so tests can force each path) ------------------

    /**
     * When to go parallel and how large the in-cache blocks are.
     *
     * @param parallelLog sub-problems and loops of at least {@code 2^parallelLog} points are split over the
     *     common pool; 0 forces the parallel path everywhere, {@link Integer#MAX_VALUE} disables it
     * @param blockLog sub-FFTs of at most {@code 2^blockLog} points are done stage by stage sequentially
     */
    record Tuning(int parallelLog, int blockLog) {
        Tuning {
            if (parallelLog < 0 || blockLog < 1) {
                throw new IllegalArgumentException("Expected parallelLog >= 0 and blockLog >= 1 but got "
                        + parallelLog + ", " + blockLog);
            }
        }

        static Tuning sequential(int blockLog) {
            return new Tuning(Integer.MAX_VALUE, blockLog);
        }

        boolean parallel(int log) {
            return log >= parallelLog;
        }
    }

    void fft(long[] v, Tuning tuning) {
        checkLength(v);
        transform(v, tuning);
    }

    void ifft(long[] v, Tuning tuning) {
        checkLength(v);
        transform(v, tuning);
        reverseTail(v, tuning);
        scale(v, sizeInverseMont, null, tuning);
    }

    void cosetFft(long[] v, Fr shift, Tuning tuning) {
        checkLength(v);
        checkShift(shift);
        scale(v, null, shift.montgomeryLimbs(), tuning);
        transform(v, tuning);
    }

    void cosetIfft(long[] v, Fr shift, Tuning tuning) {
        checkLength(v);
        checkShift(shift);
        transform(v, tuning);
        reverseTail(v, tuning);
        scale(v, sizeInverseMont, shift.inverse().montgomeryLimbs(), tuning);
    }

    void evaluationsOnCoset(long[] v, Fr shift, Tuning tuning) {
        checkLength(v);
        checkShift(shift);
        transform(v, tuning);
        reverseTail(v, tuning);
        scale(v, sizeInverseMont, shift.montgomeryLimbs(), tuning);
        transform(v, tuning);
    }

    // ---- The transform ---------------------------------------------------------------------------

    /**
     * {@code v ← (Σ_j v_j·ω^(ij))_i}: decimation-in-frequency butterflies (natural order in, bit-reversed
     * out) followed by the bit-reversal permutation. ifft reuses it: {@code DFT_ω^−1(x)_i = DFT_ω(x)_(−i)}.
     */
    private void transform(long[] v, Tuning tuning) {
        if (logSize == 0) {
            return;
        }
        dif(v, 0, logSize, twiddles(), tuning);
        bitReverse(v, tuning);
    }

    /**
     * DIF on the {@code 2^logM} elements from element {@code off}: one stage of butterflies across the
     * whole block splits it into two independent halves (the even- and odd-frequency sub-transforms),
     * recursively, until a block fits in cache and is finished stage by stage.
     */
    private static void dif(long[] v, int off, int logM, long[] tw, Tuning tuning) {
        if (logM <= tuning.blockLog()) {
            difBlock(v, off, logM, tw);
            return;
        }
        int h = 1 << (logM - 1);
        if (tuning.parallel(logM)) {
            forRange(0, h, true, (lo, hi) -> stage(v, off, h, tw, lo, hi, new long[L]));
            ForkJoinTask.invokeAll(new DifTask(v, off, logM - 1, tw, tuning),
                    new DifTask(v, off + h, logM - 1, tw, tuning));
        } else {
            stage(v, off, h, tw, 0, h, new long[L]);
            dif(v, off, logM - 1, tw, tuning);
            dif(v, off + h, logM - 1, tw, tuning);
        }
    }

    /** All remaining stages of a block of {@code 2^logM} elements, sequentially. */
    private static void difBlock(long[] v, int off, int logM, long[] tw) {
        int m = 1 << logM;
        long[] t = new long[L];
        for (int h = m >>> 1; h >= 1; h >>>= 1) {
            for (int start = off; start < off + m; start += 2 * h) {
                stage(v, start, h, tw, 0, h, t);
            }
        }
    }

    /**
     * Butterflies {@code j ∈ [lo, hi)} of one stage on the block of {@code 2h} elements at {@code off}:
     * {@code (x_j, x_(j+h)) ← (x_j + x_(j+h), (x_j − x_(j+h))·ω_(2h)^j)}. {@code t} is 4 longs of scratch.
     */
    private static void stage(long[] v, int off, int h, long[] tw, int lo, int hi, long[] t) {
        int twBase = L * (h - 1);
        int j = lo;
        if (j == 0 && hi > 0) { // ω^0 = 1: no multiplication
            int a = L * off;
            int b = L * (off + h);
            K.sub(t, 0, v, a, v, b);
            K.add(v, a, v, a, v, b);
            v[b] = t[0]; v[b + 1] = t[1]; v[b + 2] = t[2]; v[b + 3] = t[3];
            j = 1;
        }
        for (; j < hi; j++) {
            int a = L * (off + j);
            int b = a + L * h;
            K.sub(t, 0, v, a, v, b);
            K.add(v, a, v, a, v, b);
            K.mul(v, b, t, 0, tw, twBase + L * j);
        }
    }

    /** Swaps elements {@code i} and {@code bitreverse(i)}; each pair is owned by its smaller index. */
    private void bitReverse(long[] v, Tuning tuning) {
        int shift = Integer.SIZE - logSize;
        forRange(0, size, tuning.parallel(logSize), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int r = Integer.reverse(i) >>> shift;
                if (i < r) {
                    swap(v, i, r);
                }
            }
        });
    }

    /** Swaps elements {@code i} and {@code n − i} for {@code 0 < i < n/2}: turns DFT_ω into DFT_ω^−1 (unscaled). */
    private void reverseTail(long[] v, Tuning tuning) {
        forRange(1, size >>> 1, tuning.parallel(logSize), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                swap(v, i, size - i);
            }
        });
    }

    /**
     * {@code v_i ← v_i·c·g^i} for all i; a null {@code c} means 1, a null {@code g} means 1 (a constant
     * factor). Each chunk starts from {@code c·g^lo}, so the result does not depend on the split.
     */
    private void scale(long[] v, long[] c, long[] g, Tuning tuning) {
        forRange(0, size, tuning.parallel(logSize), (lo, hi) -> {
            if (g == null) {
                for (int i = lo; i < hi; i++) {
                    K.mul(v, L * i, v, L * i, c, 0);
                }
                return;
            }
            long[] p = new long[L];
            K.pow(p, 0, g, 0, new long[] {lo});
            if (c != null) {
                K.mul(p, 0, p, 0, c, 0);
            }
            for (int i = lo; i < hi; i++) {
                K.mul(v, L * i, v, L * i, p, 0);
                K.mul(p, 0, p, 0, g, 0);
            }
        });
    }

    private static void swap(long[] v, int i, int j) {
        int a = L * i;
        int b = L * j;
        long x0 = v[a], x1 = v[a + 1], x2 = v[a + 2], x3 = v[a + 3];
        v[a] = v[b]; v[a + 1] = v[b + 1]; v[a + 2] = v[b + 2]; v[a + 3] = v[b + 3];
        v[b] = x0; v[b + 1] = x1; v[b + 2] = x2; v[b + 3] = x3;
    }

    /**
     * The twiddle factors, one table per stage, contiguous so that every stage reads them sequentially:
     * for each half-size {@code h = 1, 2, 4, …, n/2}, element {@code h − 1 + j} is {@code ω_(2h)^j},
     * {@code 0 <= j < h} ({@code n − 1} elements). Built on first use with {@code n/2} multiplications.
     */
    private long[] twiddles() {
        long[] t = twiddles;
        if (t == null) {
            synchronized (this) {
                t = twiddles;
                if (t == null) {
                    t = buildTwiddles();
                    twiddles = t;
                }
            }
        }
        return t;
    }

    private long[] buildTwiddles() {
        long[] t = new long[L * (size - 1)];
        int top = size >>> 1;
        int base = L * (top - 1);
        long[] w = omega.montgomeryLimbs();
        K.setOne(t, base);
        for (int j = 1; j < top; j++) {
            K.mul(t, base + L * j, t, base + L * (j - 1), w, 0);
        }
        for (int h = top >>> 1; h >= 1; h >>>= 1) { // ω_(2h)^j = ω_(4h)^(2j)
            int dst = L * (h - 1);
            int src = L * (2 * h - 1);
            for (int j = 0; j < h; j++) {
                System.arraycopy(t, src + 2 * L * j, t, dst + L * j, L);
            }
        }
        return t;
    }

    // ---- Parallel loops --------------------------------------------------------------------------

    @FunctionalInterface
    private interface RangeBody {
        void run(int lo, int hi);
    }

    /** Runs {@code body} over {@code [from, to)}, split into chunks of about {@link #GRAIN} when parallel. */
    private static void forRange(int from, int to, boolean parallel, RangeBody body) {
        if (from >= to) {
            return;
        }
        if (!parallel || to - from <= GRAIN) {
            body.run(from, to);
        } else {
            new RangeTask(from, to, body).invoke();
        }
    }

    private static final class RangeTask extends RecursiveAction {
        private final int lo;
        private final int hi;
        private final RangeBody body;

        RangeTask(int lo, int hi, RangeBody body) {
            this.lo = lo;
            this.hi = hi;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (hi - lo <= GRAIN) {
                body.run(lo, hi);
            } else {
                int mid = (lo + hi) >>> 1;
                invokeAll(new RangeTask(lo, mid, body), new RangeTask(mid, hi, body));
            }
        }
    }

    private static final class DifTask extends RecursiveAction {
        private final long[] v;
        private final int off;
        private final int logM;
        private final long[] tw;
        private final Tuning tuning;

        DifTask(long[] v, int off, int logM, long[] tw, Tuning tuning) {
            this.v = v;
            this.off = off;
            this.logM = logM;
            this.tw = tw;
            this.tuning = tuning;
        }

        @Override
        protected void compute() {
            dif(v, off, logM, tw, tuning);
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private void checkLength(long[] v) {
        if (v.length != L * size) {
            throw new IllegalArgumentException("Expected " + L * size + " longs (" + size
                    + " Montgomery elements of 4 limbs) for a domain of size " + size + " but got " + v.length);
        }
    }

    private static void checkShift(Fr shift) {
        if (shift.isZero()) {
            throw new IllegalArgumentException("Expected a non-zero coset shift but got 0");
        }
    }

    private long[] toFlat(Fr[] elements) {
        if (elements.length != size) {
            throw new IllegalArgumentException("Expected " + size + " elements for a domain of size " + size
                    + " but got " + elements.length);
        }
        long[] v = new long[L * size];
        for (int i = 0; i < size; i++) {
            elements[i].writeMontgomery(v, L * i);
        }
        return v;
    }

    private static Fr[] fromFlat(long[] v) {
        Fr[] out = new Fr[v.length / L];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fr.fromMontgomeryLimbs(v, L * i);
        }
        return out;
    }

    /**
     * {@code ROOTS[28] = 5^((r−1)/2^28)}, {@code ROOTS[k−1] = ROOTS[k]²}. Because 5 is a quadratic
     * non-residue, {@code ROOTS[28]^(2^27) = 5^((r−1)/2) = −1}, so its order is exactly {@code 2^28}.
     */
    private static Fr[] deriveRoots() {
        BigInteger r = Bn254.R;
        BigInteger exponent = r.subtract(BigInteger.ONE).shiftRight(MAX_LOG_SIZE);
        Fr[] roots = new Fr[MAX_LOG_SIZE + 1];
        roots[MAX_LOG_SIZE] = Fr.of(NON_RESIDUE.modPow(exponent, r));
        for (int k = MAX_LOG_SIZE; k > 0; k--) {
            roots[k - 1] = roots[k].square();
        }
        return roots;
    }

    // ---- Object ----------------------------------------------------------------------------------

    /** Domains are equal when they have the same size (the generator is determined by the size). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Radix2Domain d && d.logSize == logSize;
    }

    @Override
    public int hashCode() {
        return logSize;
    }

    @Override
    public String toString() {
        return "Radix2Domain[size=2^" + logSize + "]";
    }
}
