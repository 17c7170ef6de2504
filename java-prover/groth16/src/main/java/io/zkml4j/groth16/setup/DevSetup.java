package io.zkml4j.groth16.setup;

import io.zkml4j.algebra.curve.FixedBaseTable;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.algebra.poly.Radix2Domain;
import io.zkml4j.groth16.ProveOptions.ProgressListener;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.Constraint;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * <b>Development only — insecure.</b> A single-party Groth16 setup: samples the toxic waste
 * {@code τ, α, β, γ, δ} in this process and computes the proving key from it directly, without a
 * powers-of-tau file. Whoever saw this process's memory (a debugger, a heap or core dump, swap, a
 * hostile co-tenant) can forge proofs for the key's circuit; the arrays holding the secrets are zeroed
 * when the setup ends, but copies may survive in places Java does not control. Use it for tests, demos
 * and benchmarks; for anything real, set up from a public multi-party ceremony ({@link Groth16Setup})
 * and add phase-2 contributions ({@link ZkeyContribution}, which accepts a dev key too).
 *
 * <h2>The key</h2>
 * Exactly the structure of {@link Groth16Setup}'s key (see there for the QAP rows), with γ and δ random
 * instead of 1: for the domain {@code {ω^j}} of {@code n = 2^k >= m + nPublic + 1} points ({@code k >= 1}),
 * its Lagrange basis {@code L_j} and the A, B, C column polynomials {@code u_s, v_s, w_s} (with the extra
 * row {@code m + s} having A-coefficient 1 on each public signal {@code s <= nPublic}):
 * <ul>
 *   <li>{@code alpha1 = α·G1}, {@code beta1 = β·G1}, {@code beta2 = β·G2}, {@code gamma2 = γ·G2},
 *       {@code delta1 = δ·G1}, {@code delta2 = δ·G2};</li>
 *   <li>{@code A[s] = u_s(τ)·G1}, {@code B1[s] = v_s(τ)·G1}, {@code B2[s] = v_s(τ)·G2};</li>
 *   <li>{@code IC[s] = (β·u_s(τ) + α·v_s(τ) + w_s(τ))/γ·G1} for {@code s <= nPublic}, {@code C[s]} the same
 *       divided by δ instead for the private signals;</li>
 *   <li>{@code H[i] = L'_(2i+1)(τ)/δ·G1} with {@code L'} the Lagrange basis of the domain of {@code 2n}
 *       points: the basis of {@code τ^i·Z(τ)} on snarkjs's odd coset, as the prover expects;</li>
 *   <li>the coefficients section as {@link Groth16Setup} writes it;</li>
 *   <li>the contributions section: the circuit hash, computed as snarkjs does from this key's own
 *       points (the H-check points {@code (τ^n − 1)·τ^i·G1} included), and zero contributions.</li>
 * </ul>
 * So snarkjs and this library prove and verify with it as with any key. {@code snarkjs zkey verify}
 * cannot accept it: there is no ceremony to check it against.
 *
 * <h2>Method and cost</h2>
 * Every scalar is computed in Fr: the Lagrange bases at τ in O(n) ({@code L_j(τ) = ω^j (τ^n − 1) /
 * (n (τ − ω^j))}, one batch inversion), then {@code u_s(τ), v_s(τ), w_s(τ)} in one pass over the
 * constraints. The points are then fixed-base products of the two generators ({@link FixedBaseTable}),
 * in parallel, normalized to affine form in batches. About {@code 3·nVars + 2n} G1 and {@code nVars}
 * G2 products, each some twenty mixed additions: seconds where a ceremony's group FFTs take minutes.
 */
public final class DevSetup {

    private static final MontgomeryKernel K = Fr.KERNEL;
    private static final int L = MontgomeryKernel.LIMBS;
    private static final int G1 = G1Kernel.AFFINE_LONGS;
    private static final int G2 = G2Kernel.AFFINE_LONGS;

    /** Offsets of the secrets in the toxic-waste array (Montgomery limbs). */
    private static final int TAU = 0, ALPHA = 4, BETA = 8, GAMMA = 12, DELTA = 16, WASTE_LONGS = 20;

    /** Products per progress report. */
    private static final int SLICE = 1 << 14;

    /** A G2 product costs about three G1 products (for the progress fraction). */
    private static final int G2_WEIGHT = 3;

    private static final double F_SCALARS = 0.0, F_TABLES = 0.05, F_POINTS = 0.1, F_HASH = 0.95;

    private DevSetup() {
    }

    /** {@link #newZkey(R1cs, ProgressListener)} without progress reports. */
    public static Groth16Setup.Result newZkey(R1cs r1cs) {
        return newZkey(r1cs, ProgressListener.NONE);
    }

    /**
     * A development proving key for {@code r1cs} from fresh toxic waste drawn from a {@link SecureRandom}
     * ({@code γ, δ} distinct from each other and from 1, all five non-zero, τ outside the domain and
     * its odd coset). <b>Insecure</b>: see the class comment.
     *
     * @param progress receives the stages {@code "scalars"}, {@code "tables"}, {@code "g1"}, {@code "g2"},
     *     {@code "hash"} and {@code "done"} with the estimated fraction of the work done, on the calling
     *     thread
     * @throws IllegalArgumentException if the circuit needs a domain above {@code 2^27}
     */
    public static Groth16Setup.Result newZkey(R1cs r1cs, ProgressListener progress) {
        Objects.requireNonNull(r1cs, "r1cs");
        Objects.requireNonNull(progress, "progress");
        int n = 1 << Groth16Setup.domainLog(r1cs);
        SecureRandom random = new SecureRandom();
        long[] waste = new long[WASTE_LONGS];
        try {
            do {
                sampleNonZero(random, waste, TAU);
            } while (inDoubledDomain(waste, TAU, n));
            sampleNonZero(random, waste, ALPHA);
            sampleNonZero(random, waste, BETA);
            do {
                sampleNonZero(random, waste, GAMMA);
            } while (K.isOne(waste, GAMMA));
            do {
                sampleNonZero(random, waste, DELTA);
            } while (K.isOne(waste, DELTA) || MontgomeryKernel.equal(waste, DELTA, waste, GAMMA));
            return create(r1cs, waste, progress);
        } finally {
            Arrays.fill(waste, 0L);
        }
    }

    /**
     * {@link #newZkey(R1cs, ProgressListener)} written to {@code zkey} (atomically, in the section order of
     * {@code snarkjs groth16 setup}).
     *
     * @return the circuit hash
     */
    public static byte[] newZkey(R1cs r1cs, Path zkey, ProgressListener progress) {
        Groth16Setup.Result r = newZkey(r1cs, progress);
        ZkeyFile.write(r.key(), zkey, ZkeyFile.SETUP_ORDER);
        return r.circuitHash();
    }

    /**
     * The key for given toxic waste, for tests that check the points against their definitions.
     *
     * @throws IllegalArgumentException if a value is zero, γ or δ is 1, γ = δ, or τ is a {@code 2n}-th
     *     root of unity (in the domain or its odd coset)
     */
    static Groth16Setup.Result newZkey(R1cs r1cs, Fr tau, Fr alpha, Fr beta, Fr gamma, Fr delta,
                                       ProgressListener progress) {
        int n = 1 << Groth16Setup.domainLog(r1cs);
        long[] waste = new long[WASTE_LONGS];
        Fr[] values = {tau, alpha, beta, gamma, delta};
        for (int i = 0; i < values.length; i++) {
            if (values[i].isZero()) {
                throw new IllegalArgumentException("Toxic waste value " + i + " (τ, α, β, γ, δ) must not be zero");
            }
            values[i].writeMontgomery(waste, L * i);
        }
        if (gamma.isOne() || delta.isOne() || gamma.equals(delta)) {
            throw new IllegalArgumentException("γ and δ must differ from each other and from 1");
        }
        if (inDoubledDomain(waste, TAU, n)) {
            throw new IllegalArgumentException("τ = " + tau + " is a " + 2 * n + "-th root of unity");
        }
        try {
            return create(r1cs, waste, progress);
        } finally {
            Arrays.fill(waste, 0L);
        }
    }

    // ---- The computation -------------------------------------------------------------------------

    /** One run of products: {@code count} scalars from {@code from} to points from {@code to} of {@code out}. */
    private record Run(boolean g2, int from, int count, long[] out, int to) {
    }

    private static Groth16Setup.Result create(R1cs r1cs, long[] waste, ProgressListener progress) {
        int nPublic = r1cs.numPublic();
        int nVars = r1cs.numWires();
        int nPrivate = nVars - nPublic - 1;
        int n = 1 << Groth16Setup.domainLog(r1cs);
        int hCheck = CircuitHash.hCheckPoints(n);

        // G1 scalars: A | B1 | IC and C | H | H-check | alpha, beta, delta. G2: B2 | beta, gamma, delta.
        int oA = 0, oB1 = nVars, oIcc = 2 * nVars, oH = 3 * nVars, oCheck = oH + n, oHeader1 = oCheck + hCheck;
        int count1 = oHeader1 + 3, count2 = nVars + 3;
        long[] s1 = new long[Math.multiplyExact(L, count1)];
        long[] s2 = new long[Math.multiplyExact(L, count2)];
        try {
            progress.onStage("scalars", F_SCALARS);
            scalars(r1cs, waste, n, s1, oIcc, oH, oCheck, hCheck, s2);
            System.arraycopy(s2, 0, s1, L * oB1, L * nVars);          // B1 = B2's scalars
            System.arraycopy(waste, ALPHA, s1, L * oHeader1, L);
            System.arraycopy(waste, BETA, s1, L * (oHeader1 + 1), L);
            System.arraycopy(waste, DELTA, s1, L * (oHeader1 + 2), L);
            System.arraycopy(waste, BETA, s2, L * nVars, L);
            System.arraycopy(waste, GAMMA, s2, L * (nVars + 1), L);
            System.arraycopy(waste, DELTA, s2, L * (nVars + 2), L);

            progress.onStage("tables", F_TABLES);
            FixedBaseTable t1 = FixedBaseTable.g1(G1Affine.GENERATOR, FixedBaseTable.windowBitsFor(count1));
            FixedBaseTable t2 = FixedBaseTable.g2(G2Affine.GENERATOR, FixedBaseTable.windowBitsFor(count2));

            long[] a = new long[G1 * nVars], b1 = new long[G1 * nVars], c = new long[G1 * nPrivate];
            long[] ic = new long[G1 * (nPublic + 1)], h = new long[G1 * n], check = new long[G1 * hCheck];
            long[] header1 = new long[G1 * 3], b2 = new long[G2 * nVars], header2 = new long[G2 * 3];
            List<Run> runs = List.of(
                    new Run(false, oA, nVars, a, 0), new Run(false, oB1, nVars, b1, 0),
                    new Run(false, oIcc, nPublic + 1, ic, 0), new Run(false, oIcc + nPublic + 1, nPrivate, c, 0),
                    new Run(false, oH, n, h, 0), new Run(false, oCheck, hCheck, check, 0),
                    new Run(false, oHeader1, 3, header1, 0),
                    new Run(true, 0, nVars, b2, 0), new Run(true, nVars, 3, header2, 0));
            long total = count1 + (long) G2_WEIGHT * count2, done = 0;
            for (Run run : runs) {
                for (int i = 0; i < run.count(); i += SLICE) {
                    int len = Math.min(SLICE, run.count() - i);
                    progress.onStage(run.g2() ? "g2" : "g1", F_POINTS + (F_HASH - F_POINTS) * done / total);
                    (run.g2() ? t2 : t1).mul(run.g2() ? s2 : s1, run.from() + i, len, run.out(), run.to() + i);
                    done += (run.g2() ? G2_WEIGHT : 1L) * len;
                }
            }

            G1Affine alpha1 = G1Affine.fromMontgomeryLimbs(header1, 0);
            G1Affine beta1 = G1Affine.fromMontgomeryLimbs(header1, G1);
            G1Affine delta1 = G1Affine.fromMontgomeryLimbs(header1, 2 * G1);
            G2Affine beta2 = G2Affine.fromMontgomeryLimbs(header2, 0);
            G2Affine gamma2 = G2Affine.fromMontgomeryLimbs(header2, G2);
            G2Affine delta2 = G2Affine.fromMontgomeryLimbs(header2, 2 * G2);
            List<G1Affine> icPoints = new ArrayList<>(nPublic + 1);
            for (int s = 0; s <= nPublic; s++) {
                icPoints.add(G1Affine.fromMontgomeryLimbs(ic, G1 * s));
            }

            progress.onStage("hash", F_HASH);
            byte[] csHash = new CircuitHash()
                    .g1(alpha1).g1(beta1).g2(beta2).g2(gamma2).g1(delta1).g2(delta2)
                    .g1Vector(ic, nPublic + 1)
                    .u32(n - 1).g1Points(check, hCheck)
                    .g1Vector(c, nPrivate).g1Vector(a, nVars).g1Vector(b1, nVars).g2Vector(b2, nVars)
                    .finish();

            ProvingKey key = ProvingKey.builder()
                    .nVars(nVars).nPublic(nPublic).domainSize(n)
                    .alpha1(alpha1).beta1(beta1).beta2(beta2).gamma2(gamma2).delta1(delta1).delta2(delta2)
                    .ic(icPoints)
                    .coefficients(Groth16Setup.coefficients(r1cs))
                    .pointsA(a).pointsB1(b1).pointsB2(b2).pointsC(c).pointsH(h)
                    .contributions(Groth16Setup.noContributions(csHash))
                    .build();
            progress.onStage("done", 1.0);
            return new Groth16Setup.Result(key, csHash);
        } finally {
            Arrays.fill(s1, 0L);
            Arrays.fill(s2, 0L);
        }
    }

    /**
     * Fills the scalars: {@code u_s(τ)} at {@code s1[0..]}, the IC/C scalars at {@code oIcc}, the H scalars
     * at {@code oH}, the H-check scalars at {@code oCheck}, and {@code v_s(τ)} at {@code s2[0..]}. Zeroes
     * every intermediate vector before returning.
     */
    private static void scalars(R1cs r1cs, long[] waste, int n, long[] s1, int oIcc, int oH, int oCheck, int hCheck,
                                long[] s2) {
        int nVars = r1cs.numWires(), nPublic = r1cs.numPublic(), m = r1cs.numConstraints();
        long[] lag = new long[L * n];
        long[] lag2 = new long[2 * L * n];
        long[] w = new long[L * nVars];
        long[] t = new long[4 * L];
        try {
            Radix2Domain.of(n).lagrangeCoefficientsAt(waste, TAU, lag);
            Radix2Domain.of(2 * n).lagrangeCoefficientsAt(waste, TAU, lag2);
            // u_s(τ) into s1[0..), v_s(τ) into s2[0..), w_s(τ) into w: one pass over the constraints.
            for (int c = 0; c < m; c++) {
                Constraint con = r1cs.constraint(c);
                accumulate(con.a(), lag, L * c, s1, t);
                accumulate(con.b(), lag, L * c, s2, t);
                accumulate(con.c(), lag, L * c, w, t);
            }
            for (int s = 0; s <= nPublic; s++) {
                K.add(s1, L * s, s1, L * s, lag, L * (m + s));
            }
            // IC and C: (β·u + α·v + w) / γ or / δ.
            long[] inv = t; // slots: 0 = 1/γ, 4 = 1/δ, 8 and 12 scratch
            K.inverse(inv, 0, waste, GAMMA);
            K.inverse(inv, 4, waste, DELTA);
            for (int s = 0; s < nVars; s++) {
                int o = L * (oIcc + s);
                K.mul(s1, o, waste, BETA, s1, L * s);
                K.mul(inv, 8, waste, ALPHA, s2, L * s);
                K.add(s1, o, s1, o, inv, 8);
                K.add(s1, o, s1, o, w, L * s);
                K.mul(s1, o, s1, o, inv, s <= nPublic ? 0 : 4);
            }
            // H: L'_(2i+1)(τ) / δ.
            for (int i = 0; i < n; i++) {
                K.mul(s1, L * (oH + i), lag2, L * (2 * i + 1), inv, 4);
            }
            // H-check (hash only): (τ^n − 1)·τ^i.
            long[] zn = lag; // reuse: lag is no longer needed; slot 0 = τ^n − 1, slot 4 = τ^i
            System.arraycopy(waste, TAU, zn, 0, L);
            for (int i = 1; i < n; i <<= 1) {
                K.square(zn, 0, zn, 0);
            }
            K.setOne(zn, 4);
            K.sub(zn, 0, zn, 0, zn, 4);
            for (int i = 0; i < hCheck; i++) {
                K.mul(s1, L * (oCheck + i), zn, 0, zn, 4);
                K.mul(zn, 4, zn, 4, waste, TAU);
            }
        } finally {
            Arrays.fill(lag, 0L);
            Arrays.fill(lag2, 0L);
            Arrays.fill(w, 0L);
            Arrays.fill(t, 0L);
        }
    }

    /** {@code out[s] += coefficient·lag[at]} for every term {@code (s, coefficient)} of {@code lc}. */
    private static void accumulate(LinearCombination lc, long[] lag, int at, long[] out, long[] t) {
        for (int i = 0; i < lc.size(); i++) {
            int s = L * lc.wire(i);
            lc.coefficient(i).writeMontgomery(t, 0);
            K.mul(t, 0, t, 0, lag, at);
            K.add(out, s, out, s, t, 0);
        }
        Arrays.fill(t, 0, L, 0L);
    }

    // ---- Sampling --------------------------------------------------------------------------------

    /** A uniform non-zero element of Fr (rejection sampling of 254-bit integers) in Montgomery form. */
    private static void sampleNonZero(RandomGenerator random, long[] out, int o) {
        do {
            for (int i = 0; i < L; i++) {
                out[o + i] = random.nextLong();
            }
            out[o + 3] &= (1L << 62) - 1;
        } while (!K.isCanonical(out, o) || MontgomeryKernel.isZero(out, o));
        K.toMontgomery(out, o, out, o);
    }

    /** Whether the element at {@code v[o]} is a {@code 2n}-th root of unity: in the domain or its odd coset. */
    private static boolean inDoubledDomain(long[] v, int o, int n) {
        long[] p = new long[L];
        System.arraycopy(v, o, p, 0, L);
        for (int i = 1; i < 2 * n; i <<= 1) {
            K.square(p, 0, p, 0);
        }
        boolean one = K.isOne(p, 0);
        Arrays.fill(p, 0L);
        return one;
    }
}
