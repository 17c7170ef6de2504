package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.internal.Fq2Kernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;

/**
 * Allocation-free arithmetic of the BN254 tower on flat {@code long[]} Montgomery limbs, for the pairing's
 * hot loops: the same formulas as the immutable {@link io.zkml4j.algebra.field.Fq6} and {@link Fq12}
 * (which document them), without allocating a value per operation.
 *
 * <p>Layouts: Fq2 = 8 longs ({@code c0, c1}); Fq6 = 24 ({@code c0, c1, c2} in Fq2); Fq12 = 48
 * ({@code c0, c1} in Fq6). Every operation allows its output slot to alias its inputs, except where a
 * method says otherwise.
 *
 * <p>An instance owns scratch space and is <b>not thread-safe</b>; {@link Bn254Pairing} makes one per call.
 */
final class Fq12Kernel {

    static final int FQ2 = 8;
    static final int FQ6 = 24;
    static final int FQ12 = 48;

    private static final MontgomeryKernel FQ = Fq.KERNEL;

    /**
     * {@code FROBENIUS[k][i] = ξ^(i·(p^k − 1)/6)} in Montgomery limbs, the factor that the coefficient of
     * {@code w^i} picks up under {@code x ↦ x^(p^k)} (after conjugation for odd k), for {@code k = 0..11}.
     * Derived from ξ and p at class initialization.
     */
    private static final long[][] FROBENIUS = new long[12][6 * FQ2];

    /** Storage offset of the coefficient of {@code w^i}: c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2 for i = 0..5. */
    private static final int[] W_POWER_OFFSET = {0, 24, 8, 32, 16, 40};

    static {
        BigInteger order = Bn254.P.multiply(Bn254.P).subtract(BigInteger.ONE);
        for (int k = 0; k < 12; k++) {
            BigInteger e = Bn254.P.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int i = 0; i < 6; i++) {
                Fq2 gamma = Fq2.NON_RESIDUE.pow(e.multiply(BigInteger.valueOf(i)).mod(order));
                gamma.writeMontgomery(FROBENIUS[k], FQ2 * i);
            }
        }
    }

    private final Fq2Kernel f2 = new Fq2Kernel(FQ);
    private final long[] xi = new long[FQ2];          // mulByXi
    private final long[] v6 = new long[FQ2];          // mulByV6
    private final long[] t6 = new long[8 * FQ2];      // Fq6-level products
    private final long[] t12 = new long[4 * FQ6];     // Fq12-level products
    private final long[] tc = new long[18 * FQ2];     // cyclotomic squaring

    // ---- Fq2 ---------------------------------------------------------------------------------

    /** {@code r = a·ξ = (9a0 − a1) + (9a1 + a0)·u}. */
    void mulByXi(long[] r, int ro, long[] a, int ao) {
        FQ.dbl(xi, 0, a, ao);
        FQ.dbl(xi, 0, xi, 0);
        FQ.dbl(xi, 0, xi, 0);
        FQ.add(xi, 0, xi, 0, a, ao);
        FQ.dbl(xi, 4, a, ao + 4);
        FQ.dbl(xi, 4, xi, 4);
        FQ.dbl(xi, 4, xi, 4);
        FQ.add(xi, 4, xi, 4, a, ao + 4);
        FQ.sub(xi, 0, xi, 0, a, ao + 4);
        FQ.add(xi, 4, xi, 4, a, ao);
        System.arraycopy(xi, 0, r, ro, FQ2);
    }

    /** {@code r = 3a}. */
    private void triple2(long[] r, int ro, long[] a, int ao) {
        f2.dbl(xi, 0, a, ao);
        f2.add(r, ro, xi, 0, a, ao);
    }

    // ---- Fq6 ---------------------------------------------------------------------------------

    void add6(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        for (int i = 0; i < FQ6; i += 4) {
            FQ.add(r, ro + i, a, ao + i, b, bo + i);
        }
    }

    void sub6(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        for (int i = 0; i < FQ6; i += 4) {
            FQ.sub(r, ro + i, a, ao + i, b, bo + i);
        }
    }

    void neg6(long[] r, int ro, long[] a, int ao) {
        for (int i = 0; i < FQ6; i += 4) {
            FQ.neg(r, ro + i, a, ao + i);
        }
    }

    /** {@code r = a·v = ξa2 + a0·v + a1·v²}. */
    void mulByV6(long[] r, int ro, long[] a, int ao) {
        mulByXi(v6, 0, a, ao + 16);
        System.arraycopy(a, ao + 8, r, ro + 16, FQ2);
        System.arraycopy(a, ao, r, ro + 8, FQ2);
        System.arraycopy(v6, 0, r, ro, FQ2);
    }

    /** {@code r = a·b}, Karatsuba, 6 M₂. */
    void mul6(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long[] t = t6;
        f2.mul(t, 0, a, ao, b, bo);                 // v0
        f2.mul(t, 8, a, ao + 8, b, bo + 8);         // v1
        f2.mul(t, 16, a, ao + 16, b, bo + 16);      // v2
        f2.add(t, 24, a, ao + 8, a, ao + 16);
        f2.add(t, 32, b, bo + 8, b, bo + 16);
        f2.mul(t, 40, t, 24, t, 32);
        f2.sub(t, 40, t, 40, t, 8);
        f2.sub(t, 40, t, 40, t, 16);
        mulByXi(t, 40, t, 40);
        f2.add(t, 40, t, 40, t, 0);                 // r0 = ((a1+a2)(b1+b2) − v1 − v2)ξ + v0
        f2.add(t, 24, a, ao, a, ao + 8);
        f2.add(t, 32, b, bo, b, bo + 8);
        f2.mul(t, 48, t, 24, t, 32);
        f2.sub(t, 48, t, 48, t, 0);
        f2.sub(t, 48, t, 48, t, 8);
        mulByXi(t, 24, t, 16);
        f2.add(t, 48, t, 48, t, 24);                // r1 = (a0+a1)(b0+b1) − v0 − v1 + ξv2
        f2.add(t, 24, a, ao, a, ao + 16);
        f2.add(t, 32, b, bo, b, bo + 16);
        f2.mul(t, 56, t, 24, t, 32);
        f2.sub(t, 56, t, 56, t, 0);
        f2.sub(t, 56, t, 56, t, 16);
        f2.add(t, 56, t, 56, t, 8);                 // r2 = (a0+a2)(b0+b2) − v0 − v2 + v1
        System.arraycopy(t, 40, r, ro, FQ6);
    }

    /** {@code r = a·(b0 + b1·v)}, 5 M₂; {@code b0}, {@code b1} must not alias {@code r}. */
    void mulBy01(long[] r, int ro, long[] a, int ao, long[] b, int b0o, int b1o) {
        long[] t = t6;
        f2.mul(t, 0, a, ao, b, b0o);                // t0 = a0b0
        f2.mul(t, 8, a, ao + 8, b, b1o);            // t1 = a1b1
        f2.add(t, 16, a, ao + 8, a, ao + 16);
        f2.mul(t, 40, t, 16, b, b1o);
        f2.sub(t, 40, t, 40, t, 8);
        mulByXi(t, 40, t, 40);
        f2.add(t, 40, t, 40, t, 0);                 // r0 = ((a1+a2)b1 − t1)ξ + t0
        f2.add(t, 16, a, ao, a, ao + 8);
        f2.add(t, 24, b, b0o, b, b1o);
        f2.mul(t, 48, t, 16, t, 24);
        f2.sub(t, 48, t, 48, t, 0);
        f2.sub(t, 48, t, 48, t, 8);                 // r1 = (a0+a1)(b0+b1) − t0 − t1
        f2.add(t, 16, a, ao, a, ao + 16);
        f2.mul(t, 56, t, 16, b, b0o);
        f2.sub(t, 56, t, 56, t, 0);
        f2.add(t, 56, t, 56, t, 8);                 // r2 = (a0+a2)b0 − t0 + t1
        System.arraycopy(t, 40, r, ro, FQ6);
    }

    /** {@code r = a·k} for k in Fq2, 3 M₂; {@code k} must not alias {@code r}. */
    void mulByFq2(long[] r, int ro, long[] a, int ao, long[] k, int ko) {
        f2.mul(r, ro, a, ao, k, ko);
        f2.mul(r, ro + 8, a, ao + 8, k, ko);
        f2.mul(r, ro + 16, a, ao + 16, k, ko);
    }

    // ---- Fq12 --------------------------------------------------------------------------------

    void setOne(long[] r, int ro) {
        java.util.Arrays.fill(r, ro, ro + FQ12, 0L);
        FQ.setOne(r, ro);
    }

    boolean isOne(long[] a, int ao) {
        if (!FQ.isOne(a, ao)) {
            return false;
        }
        for (int i = 4; i < FQ12; i++) {
            if (a[ao + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code r = a·b}, Karatsuba, 18 M₂. */
    void mul12(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long[] t = t12;
        mul6(t, 0, a, ao, b, bo);                   // v0
        mul6(t, 24, a, ao + 24, b, bo + 24);        // v1
        add6(t, 48, a, ao, a, ao + 24);
        add6(t, 72, b, bo, b, bo + 24);
        mul6(t, 48, t, 48, t, 72);
        sub6(t, 48, t, 48, t, 0);
        sub6(t, 48, t, 48, t, 24);                  // cross = (a0+a1)(b0+b1) − v0 − v1
        mulByV6(t, 24, t, 24);
        add6(r, ro, t, 0, t, 24);                   // v0 + v·v1
        System.arraycopy(t, 48, r, ro + 24, FQ6);
    }

    /** {@code r = a²}, complex squaring, 12 M₂. */
    void square12(long[] r, int ro, long[] a, int ao) {
        long[] t = t12;
        mul6(t, 0, a, ao, a, ao + 24);              // t = a0a1
        add6(t, 24, a, ao, a, ao + 24);             // a0 + a1
        mulByV6(t, 48, a, ao + 24);
        add6(t, 48, t, 48, a, ao);                  // a0 + v·a1
        mul6(t, 24, t, 24, t, 48);
        sub6(t, 24, t, 24, t, 0);
        mulByV6(t, 48, t, 0);
        sub6(r, ro, t, 24, t, 48);                  // (a0+a1)(a0+v·a1) − t − v·t
        add6(r, ro + 24, t, 0, t, 0);               // 2t
    }

    /**
     * {@code r = a·(d0 + d3·w + d4·w³)} with the three Fq2 coefficients at {@code d[dO]},
     * {@code d[dO + 8]}, {@code d[dO + 16]}, 13 M₂; {@code d} must not alias {@code r}.
     */
    void mulBy034(long[] r, int ro, long[] a, int ao, long[] d, int dO) {
        long[] t = t12;
        mulByFq2(t, 0, a, ao, d, dO);               // A0 = a0·d0
        mulBy01(t, 24, a, ao + 24, d, dO + 8, dO + 16); // A1 = a1·(d3 + d4·v)
        add6(t, 48, a, ao, a, ao + 24);
        f2.add(t, 72, d, dO, d, dO + 8);            // d0 + d3
        System.arraycopy(d, dO + 16, t, 80, FQ2);   // d4
        mulBy01(t, 48, t, 48, t, 72, 80);
        sub6(t, 48, t, 48, t, 0);
        sub6(t, 48, t, 48, t, 24);                  // cross = (a0+a1)(L0+L1) − A0 − A1
        mulByV6(t, 24, t, 24);
        add6(r, ro, t, 0, t, 24);                   // A0 + v·A1
        System.arraycopy(t, 48, r, ro + 24, FQ6);
    }

    /** {@code r = conj(a) = a0 − a1·w}, the p⁶-power Frobenius map (the inverse on the cyclotomic subgroup). */
    void conjugate12(long[] r, int ro, long[] a, int ao) {
        System.arraycopy(a, ao, r, ro, FQ6);
        neg6(r, ro + 24, a, ao + 24);
    }

    /** {@code r = a^(p^k)} for {@code k = 0..11}: conjugation for odd k, then a constant factor per coefficient. */
    void frobenius12(long[] r, int ro, long[] a, int ao, int k) {
        long[] c = FROBENIUS[k];
        for (int i = 0; i < 6; i++) {
            int off = W_POWER_OFFSET[i];
            System.arraycopy(a, ao + off, xi, 0, FQ2);
            if ((k & 1) == 1) {
                FQ.neg(xi, 4, xi, 4);
            }
            f2.mul(r, ro + off, xi, 0, c, FQ2 * i);
        }
    }

    /**
     * {@code r = a²} for a in the cyclotomic subgroup (Granger–Scott; see {@link Fq12#cyclotomicSquare()}
     * for the formula and the precondition), 9 S₂.
     */
    void cyclotomicSquare12(long[] r, int ro, long[] a, int ao) {
        long[] t = tc;
        // the Fq4 squares of (z0, z4), (z3, z2), (z1, z5); z_i is the coefficient at storage index i
        fq4Square(t, 0, a, ao, ao + 32);            // A0² → re at 16, im at 24
        fq4Square(t, 32, a, ao + 24, ao + 16);      // A1² → re at 48, im at 56
        fq4Square(t, 64, a, ao + 8, ao + 40);       // A2² → re at 80, im at 88
        // outputs at 96 + 8·index
        triple2(t, 96, t, 16);                      // z0' = 3·re(A0²) − 2z0
        f2.sub(t, 96, t, 96, a, ao);
        f2.sub(t, 96, t, 96, a, ao);
        triple2(t, 128, t, 24);                     // z4' = 3·im(A0²) + 2z4
        f2.add(t, 128, t, 128, a, ao + 32);
        f2.add(t, 128, t, 128, a, ao + 32);
        mulByXi(t, 120, t, 88);                     // z3' = 3ξ·im(A2²) + 2z3
        triple2(t, 120, t, 120);
        f2.add(t, 120, t, 120, a, ao + 24);
        f2.add(t, 120, t, 120, a, ao + 24);
        triple2(t, 112, t, 80);                     // z2' = 3·re(A2²) − 2z2
        f2.sub(t, 112, t, 112, a, ao + 16);
        f2.sub(t, 112, t, 112, a, ao + 16);
        triple2(t, 104, t, 48);                     // z1' = 3·re(A1²) − 2z1
        f2.sub(t, 104, t, 104, a, ao + 8);
        f2.sub(t, 104, t, 104, a, ao + 8);
        triple2(t, 136, t, 56);                     // z5' = 3·im(A1²) + 2z5
        f2.add(t, 136, t, 136, a, ao + 40);
        f2.add(t, 136, t, 136, a, ao + 40);
        System.arraycopy(t, 96, r, ro, FQ12);
    }

    /** {@code (x + y·s)² = (x² + ξy²) + ((x + y)² − x² − y²)·s} into t[to+16] (re) and t[to+24] (im). */
    private void fq4Square(long[] t, int to, long[] a, int xo, int yo) {
        f2.square(t, to, a, xo);
        f2.square(t, to + 8, a, yo);
        f2.add(t, to + 24, a, xo, a, yo);
        f2.square(t, to + 24, t, to + 24);
        f2.sub(t, to + 24, t, to + 24, t, to);
        f2.sub(t, to + 24, t, to + 24, t, to + 8);
        mulByXi(t, to + 16, t, to + 8);
        f2.add(t, to + 16, t, to + 16, t, to);
    }

    /** {@code r = a^-1} through the immutable type (one inversion per pairing: allocation is irrelevant). */
    void inverse12(long[] r, int ro, long[] a, int ao) {
        Fq12.fromMontgomeryLimbs(a, ao).inverse().writeMontgomery(r, ro);
    }
}
