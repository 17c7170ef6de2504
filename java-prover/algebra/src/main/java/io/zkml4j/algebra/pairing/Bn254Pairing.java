package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
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
 *       SAC 2013). Each line {@code d0 + d3·w + d4·w³} is absorbed with {@link Fq12#mulBy034}. Two final
 *       lines through {@code π(Q)} and {@code −π²(Q)} complete the loop; since {@code x > 0} no final
 *       conjugation is needed.</li>
 *   <li><b>Final exponentiation</b> by {@code (p¹² − 1)/r}: the easy part {@code (p⁶ − 1)(p² + 1)} with
 *       one Fq12 inversion and Frobenius maps, then the hard part {@code (p⁴ − p² + 1)/r} with the
 *       vectorial addition chain of Scott, Benger, Charlemagne, Domínguez Pérez, Kachisa, "On the final
 *       exponentiation for calculating pairings on ordinary elliptic curves" (Pairing 2009, §5): three
 *       exponentiations by x with Granger–Scott cyclotomic squarings plus 13 multiplications. The chain
 *       computes exactly {@code (p⁴ − p² + 1)/r}, so {@link #pair} is the textbook reduced pairing,
 *       bit-for-bit equal to a naive {@code f^((p¹² − 1)/r)}.</li>
 * </ol>
 *
 * <p><b>Inputs are assumed valid</b>: every point on its curve and in the order-r subgroup (G2 points
 * from the twist's r-torsion). Nothing here checks it; the point decoders must. The point at infinity is
 * written {@code (0, 0)} and makes its pair contribute 1 (see {@link PairingInput}).
 *
 * <p>Not constant time: the loop's shape depends only on public constants, but the field arithmetic
 * is not hardened against timing attacks; pairings in Groth16 verification act on public data.
 */
public final class Bn254Pairing {

    /** Signed digits of {@code 6x + 2}, least significant first (non-adjacent form). */
    private static final int[] LOOP_NAF = naf(Bn254.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

    /** Signed digits of {@code x}, least significant first, for exponentiation by x in the final step. */
    private static final int[] X_NAF = naf(Bn254.X);

    /** The twist's constant {@code b' = 3/ξ}, times 3 (the doubling formula's {@code 3b'}). */
    private static final Fq2 THREE_B_TWIST = Fq2.NON_RESIDUE.inverse().mul(Fq.of(9));

    private static final Fq TWO_INV = Fq.of(2).inverse();

    /**
     * The p-power Frobenius endomorphism on the twist: {@code π(x, y) = (x̄·γ₁, ȳ·γ₂)} with
     * {@code γ₁ = ξ^((p − 1)/3)}, {@code γ₂ = ξ^((p − 1)/2)}; and {@code π²(x, y) = (x·γ₃, y·γ₄)} with
     * {@code γ₃ = ξ^((p² − 1)/3)}, {@code γ₄ = ξ^((p² − 1)/2)}. Derived from ξ and p at class init.
     */
    private static final Fq2 PI_X = powXi(Bn254.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fq2 PI_Y = powXi(Bn254.P.subtract(BigInteger.ONE).shiftRight(1));
    private static final Fq2 PI2_X = powXi(Bn254.P.pow(2).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fq2 PI2_Y = powXi(Bn254.P.pow(2).subtract(BigInteger.ONE).shiftRight(1));

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
     * The product of the Miller loops of all pairs, computed in one loop that shares the Fq12 squarings
     * (each pair adds only its line evaluations). Trivial pairs are skipped; an empty list gives 1.
     */
    public static Fq12 millerLoop(List<PairingInput> pairs) {
        List<PairingInput> live = new ArrayList<>(pairs.size());
        for (PairingInput pair : pairs) {
            if (!Objects.requireNonNull(pair, "pair").isTrivial()) {
                live.add(pair);
            }
        }
        int n = live.size();
        if (n == 0) {
            return Fq12.ONE;
        }
        G2Projective[] t = new G2Projective[n];
        Fq[] px = new Fq[n];
        Fq[] py = new Fq[n];
        Fq2[] qx = new Fq2[n];
        Fq2[] qy = new Fq2[n];
        Fq2[] qyNeg = new Fq2[n];
        for (int i = 0; i < n; i++) {
            PairingInput pair = live.get(i);
            px[i] = pair.px();
            py[i] = pair.py();
            qx[i] = pair.qx();
            qy[i] = pair.qy();
            qyNeg[i] = qy[i].neg();
            t[i] = new G2Projective(qx[i], qy[i], Fq2.ONE);
        }
        Fq12 f = Fq12.ONE;
        for (int bit = LOOP_NAF.length - 2; bit >= 0; bit--) {
            if (bit != LOOP_NAF.length - 2) {
                f = f.square();
            }
            for (int i = 0; i < n; i++) {
                f = t[i].doubleStep(f, px[i], py[i]);
            }
            int digit = LOOP_NAF[bit];
            if (digit != 0) {
                for (int i = 0; i < n; i++) {
                    f = t[i].addStep(f, qx[i], digit > 0 ? qy[i] : qyNeg[i], px[i], py[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Fq2 q1x = qx[i].conjugate().mul(PI_X);
            Fq2 q1y = qy[i].conjugate().mul(PI_Y);
            Fq2 q2x = qx[i].mul(PI2_X);
            Fq2 q2y = qy[i].mul(PI2_Y).neg();
            f = t[i].addStep(f, q1x, q1y, px[i], py[i]);
            f = t[i].addStep(f, q2x, q2y, px[i], py[i]);
        }
        return f;
    }

    /**
     * {@code f^((p¹² − 1)/r)}, mapping any non-zero Fq12 element into GT; see the class Javadoc for the
     * method. The easy part costs one Fq12 inversion; the hard part 190 cyclotomic squarings and about
     * 85 Fq12 multiplications (x has 63 NAF digits, 24 non-zero).
     *
     * @throws ArithmeticException if {@code f} is zero (no Miller loop produces zero)
     */
    public static Gt finalExponentiation(Fq12 f) {
        // easy part: f^((p⁶ − 1)(p² + 1)); afterwards the value is in the cyclotomic subgroup
        Fq12 g = f.conjugate().mul(f.inverse());
        g = g.frobenius(2).mul(g);
        // hard part: g^((p⁴ − p² + 1)/r) = g^(λ0 + λ1·p + λ2·p² + λ3·p³), with λ3 = 1, λ2 = 6x² + 1,
        // λ1 = −36x³ − 18x² − 12x + 1, λ0 = −36x³ − 30x² − 18x − 2 (Scott et al. 2009, §5)
        Fq12 fx = expByX(g);
        Fq12 fx2 = expByX(fx);
        Fq12 fx3 = expByX(fx2);
        Fq12 y0 = g.frobenius(1).mul(g.frobenius(2)).mul(g.frobenius(3));
        Fq12 y1 = g.conjugate();
        Fq12 y2 = fx2.frobenius(2);
        Fq12 y3 = fx.frobenius(1).conjugate();
        Fq12 y4 = fx.mul(fx2.frobenius(1)).conjugate();
        Fq12 y5 = fx2.conjugate();
        Fq12 y6 = fx3.mul(fx3.frobenius(1)).conjugate();
        // y0 · y1² · y2⁶ · y3¹² · y4¹⁸ · y5³⁰ · y6³⁶
        Fq12 t0 = y6.cyclotomicSquare().mul(y4).mul(y5);
        Fq12 t1 = y3.mul(y5).mul(t0);
        t0 = t0.mul(y2);
        t1 = t1.cyclotomicSquare().mul(t0).cyclotomicSquare();
        t0 = t1.mul(y1);
        t1 = t1.mul(y0);
        t0 = t0.cyclotomicSquare();
        return new Gt(t0.mul(t1));
    }

    /** The optimal ate pairing {@code e(P, Q)} of valid points (see the class contract). */
    public static Gt pair(Fq px, Fq py, Fq2 qx, Fq2 qy) {
        return finalExponentiation(millerLoop(px, py, qx, qy));
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
        return finalExponentiation(millerLoop(pairs)).isOne();
    }

    // ---- Internals ---------------------------------------------------------------------------

    /** {@code g^x} for g in the cyclotomic subgroup, with the NAF of x and conjugation as inversion. */
    private static Fq12 expByX(Fq12 g) {
        Fq12 gInv = g.conjugate();
        Fq12 acc = g; // the top digit of a NAF is 1
        for (int i = X_NAF.length - 2; i >= 0; i--) {
            acc = acc.cyclotomicSquare();
            if (X_NAF[i] > 0) {
                acc = acc.mul(g);
            } else if (X_NAF[i] < 0) {
                acc = acc.mul(gInv);
            }
        }
        return acc;
    }

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

    private static Fq2 powXi(BigInteger e) {
        BigInteger order = Bn254.P.multiply(Bn254.P).subtract(BigInteger.ONE);
        return Fq2.NON_RESIDUE.pow(e.mod(order));
    }

    /**
     * The Miller loop's running point T on the twist, in homogeneous projective coordinates
     * {@code (X : Y : Z)} with {@code x = X/Z, y = Y/Z}. Mutable, confined to one loop.
     */
    private static final class G2Projective {
        private Fq2 x;
        private Fq2 y;
        private Fq2 z;

        G2Projective(Fq2 x, Fq2 y, Fq2 z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        /**
         * T ← 2T and returns {@code f·l_{T,T}(P)}, with the tangent line scaled to
         * {@code −2YZ·yP + 3X²·xP·w + (3b'Z² − Y²)·w³} (Aranha et al. 2011, eq. 10, D-type twist).
         */
        Fq12 doubleStep(Fq12 f, Fq px, Fq py) {
            Fq2 a = x.mul(y).mul(TWO_INV);      // XY/2
            Fq2 b = y.square();                 // Y²
            Fq2 c = z.square();                 // Z²
            Fq2 e = c.mul(THREE_B_TWIST);       // 3b'Z²
            Fq2 ff = e.dbl().add(e);            // 9b'Z²
            Fq2 g = b.add(ff).mul(TWO_INV);     // (Y² + 9b'Z²)/2
            Fq2 h = y.add(z).square().sub(b).sub(c); // 2YZ
            Fq2 j = x.square();                 // X²
            Fq2 e2 = e.square();
            Fq2 d0 = h.neg().mul(py);
            Fq2 d3 = j.dbl().add(j).mul(px);
            Fq2 d4 = e.sub(b);
            x = a.mul(b.sub(ff));
            y = g.square().sub(e2.dbl().add(e2));
            z = b.mul(h);
            return f.mulBy034(d0, d3, d4);
        }

        /**
         * T ← T + (qx, qy) (mixed addition, the second point affine) and returns {@code f·l_{T,Q}(P)},
         * with the line scaled to {@code λ·yP − θ·xP·w + (θ·qx − λ·qy)·w³} where {@code θ = Y − qy·Z},
         * {@code λ = X − qx·Z}. Requires {@code T ≠ ±Q} except for the loop's very last line, where
         * {@code T = −Q} gives the vertical line (still correct after the final exponentiation).
         */
        Fq12 addStep(Fq12 f, Fq2 qx, Fq2 qy, Fq px, Fq py) {
            Fq2 theta = y.sub(qy.mul(z));
            Fq2 lambda = x.sub(qx.mul(z));
            Fq2 c = theta.square();
            Fq2 d = lambda.square();
            Fq2 e = lambda.mul(d);
            Fq2 ff = z.mul(c);
            Fq2 g = x.mul(d);
            Fq2 h = e.add(ff).sub(g.dbl());
            Fq2 d0 = lambda.mul(py);
            Fq2 d3 = theta.neg().mul(px);
            Fq2 d4 = theta.mul(qx).sub(lambda.mul(qy));
            x = lambda.mul(h);
            y = theta.mul(g.sub(h)).sub(y.mul(e));
            z = z.mul(e);
            return f.mulBy034(d0, d3, d4);
        }
    }
}
