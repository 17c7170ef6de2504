package io.zkml4j.algebra.field;

import io.zkml4j.algebra.Bn254;
import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An element {@code c0 + c1·w} of {@code Fq12 = Fq6[w]/(w² − v)}, the top of the BN254 tower and the
 * field in which the pairing takes its values. Immutable.
 *
 * <p>Equivalently {@code Fq12 = Fq2[w]/(w⁶ − ξ)}: the element's six Fq2 coefficients, in powers of
 * {@code w}, are {@code c0.c0 (w⁰), c1.c0 (w¹), c0.c1 (w²), c1.c1 (w³), c0.c2 (w⁴), c1.c2 (w⁵)}.
 * Sparse-multiplication names use the <em>storage index</em> {@code 0..5} = c0.c0, c0.c1, c0.c2,
 * c1.c0, c1.c1, c1.c2 (so {@link #mulBy034} touches w⁰, w¹ and w³).
 *
 * <p>Costs are stated in Fq2 multiplications (M₂) and squarings (S₂).
 */
public final class Fq12 implements Field<Fq12> {

    public static final Fq12 ZERO = new Fq12(Fq6.ZERO, Fq6.ZERO);

    public static final Fq12 ONE = new Fq12(Fq6.ONE, Fq6.ZERO);

    /**
     * {@code w^(p^k) = FROBENIUS_W[k]·w} with {@code FROBENIUS_W[k] = ξ^((p^k − 1)/6)}, {@code k = 0..11}
     * (6 divides {@code p^k − 1} because {@code p ≡ 1 mod 6}). Derived here at class initialization from
     * ξ and p.
     */
    private static final Fq2[] FROBENIUS_W = new Fq2[12];

    static {
        for (int k = 0; k < 12; k++) {
            FROBENIUS_W[k] = Fq6.powXi(Bn254.P.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
        }
    }

    private final Fq6 c0;
    private final Fq6 c1;

    private Fq12(Fq6 c0, Fq6 c1) {
        this.c0 = c0;
        this.c1 = c1;
    }

    /** The element {@code c0 + c1·w}. */
    public static Fq12 of(Fq6 c0, Fq6 c1) {
        return new Fq12(Objects.requireNonNull(c0, "c0"), Objects.requireNonNull(c1, "c1"));
    }

    /** The element {@code c} of the subfield Fq6. */
    public static Fq12 of(Fq6 c) {
        return new Fq12(Objects.requireNonNull(c, "c"), Fq6.ZERO);
    }

    /**
     * The element {@code Σ coefficients[i]·w^i} from its six Fq2 coefficients in powers of {@code w}
     * (the representation {@code Fq2[w]/(w⁶ − ξ)}).
     *
     * @throws IllegalArgumentException unless exactly six coefficients are given
     */
    public static Fq12 ofPowersOfW(Fq2... coefficients) {
        if (coefficients.length != 6) {
            throw new IllegalArgumentException("Expected 6 coefficients but got " + coefficients.length);
        }
        return new Fq12(Fq6.of(coefficients[0], coefficients[2], coefficients[4]),
                Fq6.of(coefficients[1], coefficients[3], coefficients[5]));
    }

    /** A uniformly random element. */
    public static Fq12 random(RandomGenerator rng) {
        return new Fq12(Fq6.random(rng), Fq6.random(rng));
    }

    /** The Fq6 part. */
    public Fq6 c0() {
        return c0;
    }

    /** The coefficient of {@code w}. */
    public Fq6 c1() {
        return c1;
    }

    // ---- Arithmetic --------------------------------------------------------------------------

    @Override
    public Fq12 add(Fq12 o) {
        return new Fq12(c0.add(o.c0), c1.add(o.c1));
    }

    @Override
    public Fq12 sub(Fq12 o) {
        return new Fq12(c0.sub(o.c0), c1.sub(o.c1));
    }

    @Override
    public Fq12 neg() {
        return new Fq12(c0.neg(), c1.neg());
    }

    @Override
    public Fq12 dbl() {
        return new Fq12(c0.dbl(), c1.dbl());
    }

    /** Karatsuba over two coefficients: 3 Fq6 multiplications = 18 M₂. */
    @Override
    public Fq12 mul(Fq12 o) {
        Fq6 v0 = c0.mul(o.c0);
        Fq6 v1 = c1.mul(o.c1);
        Fq6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1);
        return new Fq12(v0.add(v1.mulByNonResidue()), cross);
    }

    /**
     * Complex squaring: {@code (c0 + c1w)² = (c0 + c1)(c0 + v·c1) − t − v·t + 2t·w} with
     * {@code t = c0c1}; 2 Fq6 multiplications = 12 M₂.
     */
    @Override
    public Fq12 square() {
        Fq6 t = c0.mul(c1);
        Fq6 r0 = c0.add(c1).mul(c0.add(c1.mulByNonResidue())).sub(t).sub(t.mulByNonResidue());
        return new Fq12(r0, t.dbl());
    }

    /** {@code (c0 − c1w) / (c0² − v·c1²)}: one Fq6 inversion plus 2 Fq6 squarings and 2 multiplications. */
    @Override
    public Fq12 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Inverse of zero in Fq12");
        }
        Fq6 inv = c0.square().sub(c1.square().mulByNonResidue()).inverse();
        return new Fq12(c0.mul(inv), c1.mul(inv).neg());
    }

    /**
     * {@code c0 − c1·w}: the {@code p⁶}-power Frobenius map. On the cyclotomic subgroup (where every
     * pairing value lies after the easy part of the final exponentiation) it is the inverse.
     */
    public Fq12 conjugate() {
        return new Fq12(c0, c1.neg());
    }

    /**
     * Multiplication by the sparse element {@code d0 + d3·w + d4·w³} (storage indices 0, 3, 4), the shape
     * of a Miller-loop line evaluated at a G1 point for the D-type twist: 13 M₂ instead of 18.
     */
    public Fq12 mulBy034(Fq2 d0, Fq2 d3, Fq2 d4) {
        Fq6 a0 = c0.mul(d0);
        Fq6 a1 = c1.mulBy01(d3, d4);
        Fq6 cross = c0.add(c1).mulBy01(d0.add(d3), d4).sub(a0).sub(a1);
        return new Fq12(a0.add(a1.mulByNonResidue()), cross);
    }

    /**
     * The Frobenius map {@code x ↦ x^(p^power)} for any {@code power} (reduced modulo 12), with the
     * precomputed constants {@link #FROBENIUS_W}: 5 multiplications of Fq2 by constants per half.
     */
    public Fq12 frobenius(int power) {
        int k = Math.floorMod(power, 12);
        if (k == 0) {
            return this;
        }
        return new Fq12(c0.frobenius(k), c1.frobenius(k).mul(FROBENIUS_W[k]));
    }

    /**
     * The square of an element of the cyclotomic subgroup {@code G_Φ12 = {x : x^(p⁴ − p² + 1) = 1}}, by
     * Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree extensions" (PKC
     * 2010): viewing Fq12 as {@code Fq4[t]/(t³ − s)} with {@code Fq4 = Fq2[s]/(s² − ξ)},
     * {@code s = w³}, {@code t = w}, the square of {@code A0 + A1·t + A2·t²} is
     * {@code (3A0² − 2Ā0) + (3s·A2² + 2Ā1)·t + (3A1² − 2Ā2)·t²}, where the bar is Fq4 conjugation.
     * 9 S₂.
     *
     * <p>Precondition (not checked, it would cost more than the squaring): this element is in the
     * cyclotomic subgroup, e.g. it is {@code f^((p⁶ − 1)(p² + 1))} for some {@code f}. On other elements
     * the result is meaningless.
     */
    public Fq12 cyclotomicSquare() {
        // Fq4 pairs (A0, A1, A2) = (c0.c0 + c1.c1·s, c1.c0 + c0.c2·s, c0.c1 + c1.c2·s)
        Fq2 z0 = c0.c0(), z4 = c1.c1();
        Fq2 z3 = c1.c0(), z2 = c0.c2();
        Fq2 z1 = c0.c1(), z5 = c1.c2();
        // (x + y·s)² = (x² + ξy²) + ((x + y)² − x² − y²)·s
        Fq2 x2 = z0.square(), y2 = z4.square();
        Fq2 a0re = x2.add(y2.mulByNonResidue()), a0im = z0.add(z4).square().sub(x2).sub(y2);
        x2 = z3.square();
        y2 = z2.square();
        Fq2 a1re = x2.add(y2.mulByNonResidue()), a1im = z3.add(z2).square().sub(x2).sub(y2);
        x2 = z1.square();
        y2 = z5.square();
        Fq2 a2re = x2.add(y2.mulByNonResidue()), a2im = z1.add(z5).square().sub(x2).sub(y2);

        Fq2 n0 = triple(a0re).sub(z0.dbl());          // 3A0² − 2Ā0
        Fq2 n4 = triple(a0im).add(z4.dbl());
        Fq2 n3 = triple(a2im.mulByNonResidue()).add(z3.dbl()); // 3s·A2² + 2Ā1
        Fq2 n2 = triple(a2re).sub(z2.dbl());
        Fq2 n1 = triple(a1re).sub(z1.dbl());          // 3A1² − 2Ā2
        Fq2 n5 = triple(a1im).add(z5.dbl());
        return new Fq12(Fq6.of(n0, n1, n2), Fq6.of(n3, n4, n5));
    }

    private static Fq2 triple(Fq2 a) {
        return a.dbl().add(a);
    }

    /** {@code this^e} for {@code e >= 0} with generic squarings (square-and-multiply; not constant time). */
    public Fq12 pow(BigInteger e) {
        if (e.signum() < 0) {
            throw new IllegalArgumentException("Expected a non-negative exponent but got " + e);
        }
        Fq12 acc = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (e.testBit(i)) {
                acc = acc.mul(this);
            }
        }
        return acc;
    }

    /** Copies the Montgomery limbs {@code c0 || c1} (48 longs) into {@code dst} at {@code offset}. */
    public void writeMontgomery(long[] dst, int offset) {
        c0.writeMontgomery(dst, offset);
        c1.writeMontgomery(dst, offset + 24);
    }

    /**
     * Reads 48 Montgomery limbs {@code c0 || c1} from a flat kernel array (copied).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException if any base-field part is not reduced
     */
    public static Fq12 fromMontgomeryLimbs(long[] src, int offset) {
        return new Fq12(Fq6.fromMontgomeryLimbs(src, offset), Fq6.fromMontgomeryLimbs(src, offset + 24));
    }

    // ---- Predicates and Object ---------------------------------------------------------------

    @Override
    public boolean isZero() {
        return c0.isZero() && c1.isZero();
    }

    @Override
    public boolean isOne() {
        return c0.isOne() && c1.isZero();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq12 other && c0.equals(other.c0) && c1.equals(other.c1);
    }

    @Override
    public int hashCode() {
        return 31 * c0.hashCode() + c1.hashCode();
    }

    /** {@code "(c0) + (c1)*w"}. */
    @Override
    public String toString() {
        return "(" + c0 + ") + (" + c1 + ")*w";
    }
}
