package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.internal.Fq2Kernel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The optimal ate pairing on BN254, {@code e: G1 × G2 → GT}, with the multi-pairing check of the EVM's
 * precompile 0x08 (EIP-197).
 *
 * <p>Algorithm (Beuchat, González-Díaz, Mitsunari, Okamoto, Rodríguez-Henríquez, Teruya, "High-speed
 * software implementation of the optimal ate pairing over Barreto–Naehrig curves", Pairing 2010):
 * <ol>
 *   <li><b>Miller loop</b> over {@code 6x + 2} in signed binary (NAF, 66 digits, 22 non-zero), with G2
 *       kept in homogeneous projective coordinates so no step inverts; the doubling and mixed-addition
 *       line formulas for the D-type twist are those of Costello, Lange, Naehrig (PKC 2010) and Aranha,
 *       Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing pairings over ordinary
 *       curves" (Eurocrypt 2011; the formulas surveyed in Aranha et al., "The realm of the pairings",
 *       SAC 2013). Each line {@code d0 + d3·w + d4·w³} is absorbed with a sparse multiplication (13 M₂,
 *       the flat twin of {@link Fq12#mulBy034}). Two final lines through {@code π(Q)} and
 *       {@code −π²(Q)} complete the loop; since {@code x > 0} no final conjugation is needed.</li>
 *   <li><b>Final exponentiation</b> by {@code (p¹² − 1)/r}: the easy part {@code (p⁶ − 1)(p² + 1)} with
 *       one Fq12 inversion and Frobenius maps, then the hard part {@code (p⁴ − p² + 1)/r} with the
 *       vectorial addition chain of Scott, Benger, Charlemagne, Domínguez Pérez, Kachisa, "On the final
 *       exponentiation for calculating pairings on ordinary elliptic curves" (Pairing 2009): three
 *       exponentiations by x with Granger–Scott cyclotomic squarings plus 13 multiplications. The chain
 *       computes exactly {@code (p⁴ − p² + 1)/r}, so {@link #pair} is the textbook reduced pairing,
 *       bit-for-bit equal to a naive {@code f^((p¹² − 1)/r)}.</li>
 * </ol>
 *
 * <p><b>Inputs are assumed valid</b>: every point on its curve and in the order-r subgroup (G2 points
 * from the twist's r-torsion). Nothing here checks it; the point decoders must. The point at infinity is
 * written {@code (0, 0)} and makes its pair contribute 1 (see {@link PairingInput}).
 *
 * <p>Implementation: the loop and the exponentiation run on flat Montgomery limbs (a package-private
 * Fq12 kernel mirroring the immutable {@link io.zkml4j.algebra.field.Fq6}/{@link Fq12} formulas), so
 * the hot path allocates nothing per field operation; values cross the API as immutable {@link Fq12} and
 * {@link Gt}. Every method is thread-safe (each call has its own scratch space).
 *
 * <p>Not constant time: the loop's shape depends only on public constants, but the field arithmetic
 * is not hardened against timing attacks; pairings in Groth16 verification act on public data.
 */
public final class Bn254Pairing {

    /** Signed digits of {@code 6x + 2}, least significant first (non-adjacent form). */
    private static final int[] LOOP_NAF = naf(Bn254.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

    /** Signed digits of {@code x}, least significant first, for exponentiation by x in the final step. */
    private static final int[] X_NAF = naf(Bn254.X);

    /** The twist's constant {@code b' = 3/ξ} times 3 (the doubling formula's {@code 3b'}), Montgomery limbs. */
    private static final long[] THREE_B_TWIST = limbs(Fq2.NON_RESIDUE.inverse().mul(Fq.of(9)));

    private static final long[] TWO_INV = Fq.of(2).inverse().montgomeryLimbs();

    /**
     * The p-power Frobenius endomorphism on the twist: {@code π(x, y) = (x̄·γ₁, ȳ·γ₂)} with
     * {@code γ₁ = ξ^((p − 1)/3)}, {@code γ₂ = ξ^((p − 1)/2)}; and {@code π²(x, y) = (x·γ₃, y·γ₄)} with
     * {@code γ₃ = ξ^((p² − 1)/3)}, {@code γ₄ = ξ^((p² − 1)/2)}. Derived from ξ and p at class init.
     */
    private static final long[] PI_X = limbs(powXi(Bn254.P.subtract(BigInteger.ONE), 3));
    private static final long[] PI_Y = limbs(powXi(Bn254.P.subtract(BigInteger.ONE), 2));
    private static final long[] PI2_X = limbs(powXi(Bn254.P.pow(2).subtract(BigInteger.ONE), 3));
    private static final long[] PI2_Y = limbs(powXi(Bn254.P.pow(2).subtract(BigInteger.ONE), 2));

    private Bn254Pairing() {
    }

    // ---- Public API --------------------------------------------------------------------------

    /**
     * The Miller loop value {@code f_{6x+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P)} for one pair of valid
     * affine points (see the class contract); 1 if either point is {@code (0, 0)}. Meaningful only after
     * {@link #finalExponentiation}.
     */
    public static Fq12 millerLoop(Fq px, Fq py, Fq2 qx, Fq2 qy) {
        return millerLoop(List.of(PairingInput.of(px, py, qx, qy)));
    }

    /**
     * The Miller loop value of {@code (P, Q)}; see {@link #millerLoop(Fq, Fq, Fq2, Fq2)} and, for which
     * typed points are valid, {@link PairingInput#of(G1Affine, G2Affine)}.
     */
    public static Fq12 millerLoop(G1Affine p, G2Affine q) {
        return millerLoop(List.of(PairingInput.of(p, q)));
    }

    /**
     * The product of the Miller loops of all pairs, computed in one loop that shares the Fq12 squarings
     * (each pair adds only its line evaluations). Trivial pairs are skipped; an empty list gives 1.
     */
    public static Fq12 millerLoop(List<PairingInput> pairs) {
        Engine engine = new Engine();
        long[] f = new long[Fq12Kernel.FQ12];
        engine.millerLoop(f, pairs);
        return Fq12.fromMontgomeryLimbs(f, 0);
    }

    /**
     * {@code f^((p¹² − 1)/r)}, mapping any non-zero Fq12 element into GT; see the class Javadoc for the
     * method. The easy part costs one Fq12 inversion; the hard part 190 cyclotomic squarings and about
     * 85 Fq12 multiplications (x has 63 NAF digits, 24 non-zero).
     *
     * @throws ArithmeticException if {@code f} is zero (no Miller loop produces zero)
     */
    public static Gt finalExponentiation(Fq12 f) {
        if (f.isZero()) {
            throw new ArithmeticException("Final exponentiation of zero");
        }
        long[] flat = new long[Fq12Kernel.FQ12];
        f.writeMontgomery(flat, 0);
        new Engine().finalExponentiation(flat);
        return new Gt(Fq12.fromMontgomeryLimbs(flat, 0));
    }

    /** The optimal ate pairing {@code e(P, Q)} of valid points (see the class contract). */
    public static Gt pair(Fq px, Fq py, Fq2 qx, Fq2 qy) {
        return finalExponentiation(millerLoop(px, py, qx, qy));
    }

    /**
     * The optimal ate pairing {@code e(P, Q)}; 1 if either point is at infinity. See
     * {@link PairingInput#of(G1Affine, G2Affine)} for which typed points are valid inputs.
     */
    public static Gt pair(G1Affine p, G2Affine q) {
        return pair(PairingInput.of(p, q));
    }

    /** The optimal ate pairing {@code e(P, Q)} of a valid pair (see the class contract). */
    public static Gt pair(PairingInput pair) {
        return finalExponentiation(millerLoop(List.of(pair)));
    }

    /**
     * The EIP-197 check {@code e(P1, Q1)·…·e(Pn, Qn) = 1}: one shared Miller loop over all pairs and one
     * final exponentiation. The empty product is 1 (true); pairs with a point at infinity contribute 1.
     * Inputs must be valid points (see the class contract); decoding and validation of the 192-byte
     * EVM chunks is the caller's job.
     */
    public static boolean pairingCheck(List<PairingInput> pairs) {
        Engine engine = new Engine();
        long[] f = new long[Fq12Kernel.FQ12];
        engine.millerLoop(f, pairs);
        engine.finalExponentiation(f);
        return engine.kernel.isOne(f, 0);
    }

    // ---- Internals ---------------------------------------------------------------------------

    /** The non-adjacent form of {@code k > 0}: digits in {−1, 0, 1}, least significant first. */
    static int[] naf(BigInteger k) {
        List<Integer> digits = new ArrayList<>();
        BigInteger n = k;
        while (n.signum() > 0) {
            int d = 0;
            if (n.testBit(0)) {
                d = 2 - n.mod(BigInteger.valueOf(4)).intValue(); // 1 if n ≡ 1 (mod 4), −1 if n ≡ 3
                n = n.subtract(BigInteger.valueOf(d));
            }
            digits.add(d);
            n = n.shiftRight(1);
        }
        return digits.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code ξ^(n/d)} for {@code d | n}, the exponent reduced modulo {@code p² − 1} (the order of Fq2*). */
    private static Fq2 powXi(BigInteger n, int d) {
        BigInteger order = Bn254.P.multiply(Bn254.P).subtract(BigInteger.ONE);
        return Fq2.NON_RESIDUE.pow(n.divide(BigInteger.valueOf(d)).mod(order));
    }

    private static long[] limbs(Fq2 a) {
        long[] out = new long[Fq12Kernel.FQ2];
        a.writeMontgomery(out, 0);
        return out;
    }

    /**
     * One pairing computation on flat Montgomery limbs ({@link Fq12Kernel}), allocation-free after
     * construction apart from the per-pair state. Not thread-safe; one per call.
     */
    private static final class Engine {

        /** Per-pair state: T = (X : Y : Z) projective on the twist, Q affine, −Q.y, P affine. */
        private static final int X = 0, Y = 8, Z = 16, QX = 24, QY = 32, QY_NEG = 40, PX = 48, PY = 52, STRIDE = 56;

        final Fq12Kernel kernel = new Fq12Kernel();
        private final Fq2Kernel f2 = new Fq2Kernel(Fq.KERNEL);
        private final long[] s = new long[10 * Fq12Kernel.FQ2];   // line-step scratch
        private final long[] line = new long[3 * Fq12Kernel.FQ2]; // d0, d3, d4
        private final long[] q = new long[4 * Fq12Kernel.FQ2];    // π(Q), −π²(Q)

        /** {@code f ← Π millerLoop(pair)} over the non-trivial pairs, sharing the squarings of f. */
        void millerLoop(long[] f, List<PairingInput> pairs) {
            List<PairingInput> live = new ArrayList<>(pairs.size());
            for (PairingInput pair : pairs) {
                if (!Objects.requireNonNull(pair, "pair").isTrivial()) {
                    live.add(pair);
                }
            }
            kernel.setOne(f, 0);
            int n = live.size();
            if (n == 0) {
                return;
            }
            long[] st = new long[n * STRIDE];
            for (int i = 0; i < n; i++) {
                PairingInput pair = live.get(i);
                int o = i * STRIDE;
                pair.qx().writeMontgomery(st, o + X);
                pair.qy().writeMontgomery(st, o + Y);
                f2.setOne(st, o + Z);
                pair.qx().writeMontgomery(st, o + QX);
                pair.qy().writeMontgomery(st, o + QY);
                f2.neg(st, o + QY_NEG, st, o + QY);
                pair.px().writeMontgomery(st, o + PX);
                pair.py().writeMontgomery(st, o + PY);
            }
            for (int bit = LOOP_NAF.length - 2; bit >= 0; bit--) {
                if (bit != LOOP_NAF.length - 2) {
                    kernel.square12(f, 0, f, 0);
                }
                for (int o = 0; o < st.length; o += STRIDE) {
                    doubleStep(st, o);
                    kernel.mulBy034(f, 0, f, 0, line, 0);
                }
                int digit = LOOP_NAF[bit];
                if (digit != 0) {
                    for (int o = 0; o < st.length; o += STRIDE) {
                        addStep(st, o, st, o + QX, digit > 0 ? o + QY : o + QY_NEG);
                        kernel.mulBy034(f, 0, f, 0, line, 0);
                    }
                }
            }
            for (int o = 0; o < st.length; o += STRIDE) {
                // π(Q) = (conj(qx)·γ₁, conj(qy)·γ₂), −π²(Q) = (qx·γ₃, −qy·γ₄)
                System.arraycopy(st, o + QX, q, 0, 8);
                Fq.KERNEL.neg(q, 4, q, 4);
                f2.mul(q, 0, q, 0, PI_X, 0);
                System.arraycopy(st, o + QY, q, 8, 8);
                Fq.KERNEL.neg(q, 12, q, 12);
                f2.mul(q, 8, q, 8, PI_Y, 0);
                f2.mul(q, 16, st, o + QX, PI2_X, 0);
                f2.mul(q, 24, st, o + QY, PI2_Y, 0);
                f2.neg(q, 24, q, 24);
                addStep(st, o, q, 0, 8);
                kernel.mulBy034(f, 0, f, 0, line, 0);
                addStep(st, o, q, 16, 24);
                kernel.mulBy034(f, 0, f, 0, line, 0);
            }
        }

        /**
         * T ← 2T, and the tangent line at P into {@link #line}, scaled to
         * {@code −2YZ·yP + 3X²·xP·w + (3b'Z² − Y²)·w³} (Aranha et al. 2011, D-type twist).
         */
        private void doubleStep(long[] st, int o) {
            final int a = 0, b = 8, c = 16, e = 24, ff = 32, g = 40, h = 48, j = 56, e2 = 64, tmp = 72;
            f2.mul(s, a, st, o + X, st, o + Y);
            f2.mulByFq(s, a, s, a, TWO_INV, 0);             // XY/2
            f2.square(s, b, st, o + Y);                     // Y²
            f2.square(s, c, st, o + Z);                     // Z²
            f2.mul(s, e, s, c, THREE_B_TWIST, 0);           // 3b'Z²
            f2.dbl(s, ff, s, e);
            f2.add(s, ff, s, ff, s, e);                     // 9b'Z²
            f2.add(s, g, s, b, s, ff);
            f2.mulByFq(s, g, s, g, TWO_INV, 0);             // (Y² + 9b'Z²)/2
            f2.add(s, h, st, o + Y, st, o + Z);
            f2.square(s, h, s, h);
            f2.sub(s, h, s, h, s, b);
            f2.sub(s, h, s, h, s, c);                       // 2YZ
            f2.square(s, j, st, o + X);                     // X²
            f2.square(s, e2, s, e);                         // (3b'Z²)²
            f2.neg(s, tmp, s, h);
            f2.mulByFq(line, 0, s, tmp, st, o + PY);        // d0 = −2YZ·yP
            f2.dbl(s, tmp, s, j);
            f2.add(s, tmp, s, tmp, s, j);
            f2.mulByFq(line, 8, s, tmp, st, o + PX);        // d3 = 3X²·xP
            f2.sub(line, 16, s, e, s, b);                   // d4 = 3b'Z² − Y²
            f2.sub(s, tmp, s, b, s, ff);
            f2.mul(st, o + X, s, a, s, tmp);                // X3 = XY/2·(Y² − 9b'Z²)
            f2.square(s, tmp, s, g);
            f2.sub(s, tmp, s, tmp, s, e2);
            f2.sub(s, tmp, s, tmp, s, e2);
            f2.sub(st, o + Y, s, tmp, s, e2);               // Y3 = G² − 3E²
            f2.mul(st, o + Z, s, b, s, h);                  // Z3 = Y²·2YZ
        }

        /**
         * T ← T + Q for affine Q = (q[qxo], q[qyo]) (mixed addition), and the line through T and Q at P
         * into {@link #line}, scaled to {@code λ·yP − θ·xP·w + (θ·qx − λ·qy)·w³} with
         * {@code θ = Y − qy·Z}, {@code λ = X − qx·Z}. Requires {@code T ≠ ±Q} except for the loop's last
         * line, where {@code T = −Q} gives the vertical line (still correct after the final exponentiation).
         */
        private void addStep(long[] st, int o, long[] q, int qxo, int qyo) {
            final int theta = 0, lambda = 8, c = 16, d = 24, e = 32, ff = 40, g = 48, h = 56, tmp = 64;
            f2.mul(s, tmp, q, qyo, st, o + Z);
            f2.sub(s, theta, st, o + Y, s, tmp);            // θ = Y − qy·Z
            f2.mul(s, tmp, q, qxo, st, o + Z);
            f2.sub(s, lambda, st, o + X, s, tmp);           // λ = X − qx·Z
            f2.square(s, c, s, theta);
            f2.square(s, d, s, lambda);
            f2.mul(s, e, s, lambda, s, d);                  // λ³
            f2.mul(s, ff, st, o + Z, s, c);                 // Zθ²
            f2.mul(s, g, st, o + X, s, d);                  // Xλ²
            f2.add(s, h, s, e, s, ff);
            f2.sub(s, h, s, h, s, g);
            f2.sub(s, h, s, h, s, g);                       // λ³ + Zθ² − 2Xλ²
            f2.mulByFq(line, 0, s, lambda, st, o + PY);     // d0 = λ·yP
            f2.neg(s, tmp, s, theta);
            f2.mulByFq(line, 8, s, tmp, st, o + PX);        // d3 = −θ·xP
            f2.mul(s, tmp, s, theta, q, qxo);
            f2.mul(line, 16, s, lambda, q, qyo);
            f2.sub(line, 16, s, tmp, line, 16);             // d4 = θ·qx − λ·qy
            f2.mul(st, o + X, s, lambda, s, h);             // X3 = λH
            f2.sub(s, tmp, s, g, s, h);
            f2.mul(s, tmp, s, theta, s, tmp);
            f2.mul(s, c, st, o + Y, s, e);
            f2.sub(st, o + Y, s, tmp, s, c);                // Y3 = θ(G − H) − Yλ³
            f2.mul(st, o + Z, st, o + Z, s, e);             // Z3 = Zλ³
        }

        // Final-exponentiation buffers, 48 longs each, in one array.
        private static final int G = 0, FX = 48, FX2 = 96, FX3 = 144, T0 = 192, T1 = 240, U = 288, W = 336,
                INV = 384, SIZE = 432;
        private final long[] x = new long[SIZE];

        /** {@code f ← f^((p¹² − 1)/r)} in place, f non-zero; see {@link Bn254Pairing#finalExponentiation}. */
        void finalExponentiation(long[] f) {
            Fq12Kernel k = kernel;
            // easy part: g = f^((p⁶ − 1)(p² + 1))
            k.inverse12(x, INV, f, 0);
            k.conjugate12(x, G, f, 0);
            k.mul12(x, G, x, G, x, INV);
            k.frobenius12(x, U, x, G, 2);
            k.mul12(x, G, x, U, x, G);
            // hard part (Scott et al. 2009): g^(λ0 + λ1·p + λ2·p² + λ3·p³)
            expByX(FX, G);
            expByX(FX2, FX);
            expByX(FX3, FX2);
            // t0 = y6² · y4 · y5 with y6 = conj(fx3 · fx3^p), y4 = conj(fx · fx2^p), y5 = conj(fx2)
            k.frobenius12(x, U, x, FX3, 1);
            k.mul12(x, U, x, U, x, FX3);
            k.conjugate12(x, U, x, U);                      // y6
            k.cyclotomicSquare12(x, T0, x, U);
            k.frobenius12(x, U, x, FX2, 1);
            k.mul12(x, U, x, U, x, FX);
            k.conjugate12(x, U, x, U);                      // y4
            k.mul12(x, T0, x, T0, x, U);
            k.conjugate12(x, W, x, FX2);                    // y5
            k.mul12(x, T0, x, T0, x, W);
            // t1 = y3 · y5 · t0 with y3 = conj(fx^p)
            k.frobenius12(x, U, x, FX, 1);
            k.conjugate12(x, U, x, U);                      // y3
            k.mul12(x, T1, x, U, x, W);
            k.mul12(x, T1, x, T1, x, T0);
            // t0 = t0 · y2 with y2 = fx2^(p²)
            k.frobenius12(x, U, x, FX2, 2);
            k.mul12(x, T0, x, T0, x, U);
            // t1 = (t1² · t0)²
            k.cyclotomicSquare12(x, T1, x, T1);
            k.mul12(x, T1, x, T1, x, T0);
            k.cyclotomicSquare12(x, T1, x, T1);
            // t0 = (t1 · y1)² with y1 = conj(g)
            k.conjugate12(x, U, x, G);
            k.mul12(x, T0, x, T1, x, U);
            k.cyclotomicSquare12(x, T0, x, T0);
            // t1 = t1 · y0 with y0 = g^p · g^(p²) · g^(p³)
            k.frobenius12(x, U, x, G, 1);
            k.frobenius12(x, W, x, G, 2);
            k.mul12(x, U, x, U, x, W);
            k.frobenius12(x, W, x, G, 3);
            k.mul12(x, U, x, U, x, W);
            k.mul12(x, T1, x, T1, x, U);
            k.mul12(f, 0, x, T0, x, T1);
        }

        /** {@code x[out] = x[in]^x} (x the BN parameter) for x[in] in the cyclotomic subgroup; uses INV as scratch. */
        private void expByX(int out, int in) {
            Fq12Kernel k = kernel;
            k.conjugate12(x, INV, x, in);
            System.arraycopy(x, in, x, out, Fq12Kernel.FQ12); // the top NAF digit is 1
            for (int i = X_NAF.length - 2; i >= 0; i--) {
                k.cyclotomicSquare12(x, out, x, out);
                if (X_NAF[i] > 0) {
                    k.mul12(x, out, x, out, x, in);
                } else if (X_NAF[i] < 0) {
                    k.mul12(x, out, x, out, x, INV);
                }
            }
        }
    }
}
