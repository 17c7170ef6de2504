package io.zkml4j.algebra.field;

import io.zkml4j.algebra.Bn254;
import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An element {@code c0 + c1·v + c2·v²} of {@code Fq6 = Fq2[v]/(v³ − ξ)}, {@code ξ = 9 + u}
 * ({@link Fq2#NON_RESIDUE}): the middle floor of the BN254 tower that EIP-197 implementations use.
 * Immutable.
 *
 * <p>Costs are stated in Fq2 multiplications (M₂) and squarings (S₂); additions and multiplications by
 * {@code ξ} are not counted.
 */
public final class Fq6 implements Field<Fq6> {

    public static final Fq6 ZERO = new Fq6(Fq2.ZERO, Fq2.ZERO, Fq2.ZERO);

    public static final Fq6 ONE = new Fq6(Fq2.ONE, Fq2.ZERO, Fq2.ZERO);

    /**
     * Frobenius coefficients: {@code v^(p^k) = FROBENIUS_V[k]·v} and {@code (v²)^(p^k) = FROBENIUS_V2[k]·v²},
     * with {@code FROBENIUS_V[k] = ξ^((p^k − 1)/3)} and {@code FROBENIUS_V2[k] = ξ^(2(p^k − 1)/3)} for
     * {@code k = 0..5} (the map has period 6 on Fq6). Derived here from ξ and p at class
     * initialization, not transcribed, so they cannot drift from the tower's definition.
     */
    private static final Fq2[] FROBENIUS_V = new Fq2[6];
    private static final Fq2[] FROBENIUS_V2 = new Fq2[6];

    static {
        for (int k = 0; k < 6; k++) {
            BigInteger e = Bn254.P.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
            FROBENIUS_V[k] = powXi(e);
            FROBENIUS_V2[k] = powXi(e.shiftLeft(1));
        }
    }

    private final Fq2 c0;
    private final Fq2 c1;
    private final Fq2 c2;

    private Fq6(Fq2 c0, Fq2 c1, Fq2 c2) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
    }

    /** The element {@code c0 + c1·v + c2·v²}. */
    public static Fq6 of(Fq2 c0, Fq2 c1, Fq2 c2) {
        return new Fq6(Objects.requireNonNull(c0, "c0"), Objects.requireNonNull(c1, "c1"),
                Objects.requireNonNull(c2, "c2"));
    }

    /** The element {@code c} of the subfield Fq2. */
    public static Fq6 of(Fq2 c) {
        return new Fq6(Objects.requireNonNull(c, "c"), Fq2.ZERO, Fq2.ZERO);
    }

    /** A uniformly random element. */
    public static Fq6 random(RandomGenerator rng) {
        return new Fq6(Fq2.random(rng), Fq2.random(rng), Fq2.random(rng));
    }

    /** The constant coefficient. */
    public Fq2 c0() {
        return c0;
    }

    /** The coefficient of {@code v}. */
    public Fq2 c1() {
        return c1;
    }

    /** The coefficient of {@code v²}. */
    public Fq2 c2() {
        return c2;
    }

    // ---- Arithmetic --------------------------------------------------------------------------

    @Override
    public Fq6 add(Fq6 o) {
        return new Fq6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
    }

    @Override
    public Fq6 sub(Fq6 o) {
        return new Fq6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
    }

    @Override
    public Fq6 neg() {
        return new Fq6(c0.neg(), c1.neg(), c2.neg());
    }

    @Override
    public Fq6 dbl() {
        return new Fq6(c0.dbl(), c1.dbl(), c2.dbl());
    }

    /**
     * Karatsuba over three coefficients (Devegili, Ó hÉigeartaigh, Scott, Dahab, "Multiplication and
     * squaring on pairing-friendly fields", 2006): 6 M₂.
     */
    @Override
    public Fq6 mul(Fq6 o) {
        Fq2 v0 = c0.mul(o.c0);
        Fq2 v1 = c1.mul(o.c1);
        Fq2 v2 = c2.mul(o.c2);
        Fq2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(v1).sub(v2).mulByNonResidue().add(v0);
        Fq2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1).add(v2.mulByNonResidue());
        Fq2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(v0).sub(v2).add(v1);
        return new Fq6(r0, r1, r2);
    }

    /**
     * Chung–Hasan CH-SQR2 ("Asymmetric squaring formulae", ARITH 2007; as used by Devegili et al. 2006):
     * 2 M₂ + 3 S₂.
     */
    @Override
    public Fq6 square() {
        Fq2 s0 = c0.square();
        Fq2 s1 = c0.mul(c1).dbl();
        Fq2 s2 = c0.sub(c1).add(c2).square();
        Fq2 s3 = c1.mul(c2).dbl();
        Fq2 s4 = c2.square();
        return new Fq6(s0.add(s3.mulByNonResidue()), s1.add(s4.mulByNonResidue()),
                s1.add(s2).add(s3).sub(s0).sub(s4));
    }

    /**
     * The inverse through the norm to Fq2: with {@code t0 = c0² − ξc1c2}, {@code t1 = ξc2² − c0c1},
     * {@code t2 = c1² − c0c2}, the inverse is {@code (t0 + t1·v + t2·v²) / (c0t0 + ξ(c2t1 + c1t2))}.
     * One Fq2 inversion plus 9 M₂ + 3 S₂.
     */
    @Override
    public Fq6 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Inverse of zero in Fq6");
        }
        Fq2 t0 = c0.square().sub(c1.mul(c2).mulByNonResidue());
        Fq2 t1 = c2.square().mulByNonResidue().sub(c0.mul(c1));
        Fq2 t2 = c1.square().sub(c0.mul(c2));
        Fq2 norm = c0.mul(t0).add(c2.mul(t1).add(c1.mul(t2)).mulByNonResidue());
        Fq2 inv = norm.inverse();
        return new Fq6(t0.mul(inv), t1.mul(inv), t2.mul(inv));
    }

    /** Multiplication by an element of the subfield Fq2: 3 M₂. */
    public Fq6 mul(Fq2 k) {
        return new Fq6(c0.mul(k), c1.mul(k), c2.mul(k));
    }

    /** Multiplication by {@code v} (the non-residue over which Fq12 is built): {@code ξc2 + c0·v + c1·v²}. */
    public Fq6 mulByNonResidue() {
        return new Fq6(c2.mulByNonResidue(), c0, c1);
    }

    /**
     * Multiplication by the sparse element {@code b0 + b1·v} (coefficient of {@code v²} zero), as the
     * Miller loop's line evaluations produce: 5 M₂ instead of 6.
     */
    public Fq6 mulBy01(Fq2 b0, Fq2 b1) {
        Fq2 t0 = c0.mul(b0);
        Fq2 t1 = c1.mul(b1);
        Fq2 r0 = c1.add(c2).mul(b1).sub(t1).mulByNonResidue().add(t0);
        Fq2 r1 = c0.add(c1).mul(b0.add(b1)).sub(t0).sub(t1);
        Fq2 r2 = c0.add(c2).mul(b0).sub(t0).add(t1);
        return new Fq6(r0, r1, r2);
    }

    /**
     * The Frobenius map {@code x ↦ x^(p^power)} for any {@code power} (reduced modulo 6): conjugates
     * each coefficient {@code power} times and multiplies by the precomputed {@link #FROBENIUS_V}
     * coefficients. 4 multiplications of Fq2 by constants.
     */
    public Fq6 frobenius(int power) {
        int k = Math.floorMod(power, 6);
        if (k == 0) {
            return this;
        }
        return new Fq6(c0.frobenius(k), c1.frobenius(k).mul(FROBENIUS_V[k]),
                c2.frobenius(k).mul(FROBENIUS_V2[k]));
    }

    /** {@code this^e} for {@code e >= 0} (square-and-multiply; not constant time). */
    public Fq6 pow(BigInteger e) {
        if (e.signum() < 0) {
            throw new IllegalArgumentException("Expected a non-negative exponent but got " + e);
        }
        Fq6 acc = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (e.testBit(i)) {
                acc = acc.mul(this);
            }
        }
        return acc;
    }

    /** {@code ξ^e}, with {@code e} first reduced modulo {@code p² − 1} (the order of Fq2*). */
    static Fq2 powXi(BigInteger e) {
        BigInteger order = Bn254.P.multiply(Bn254.P).subtract(BigInteger.ONE);
        return Fq2.NON_RESIDUE.pow(e.mod(order));
    }

    /** Copies the Montgomery limbs {@code c0 || c1 || c2} (24 longs) into {@code dst} at {@code offset}. */
    public void writeMontgomery(long[] dst, int offset) {
        c0.writeMontgomery(dst, offset);
        c1.writeMontgomery(dst, offset + 8);
        c2.writeMontgomery(dst, offset + 16);
    }

    /**
     * Reads 24 Montgomery limbs {@code c0 || c1 || c2} from a flat kernel array (copied).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException if any base-field part is not reduced
     */
    public static Fq6 fromMontgomeryLimbs(long[] src, int offset) {
        return new Fq6(Fq2.fromMontgomeryLimbs(src, offset), Fq2.fromMontgomeryLimbs(src, offset + 8),
                Fq2.fromMontgomeryLimbs(src, offset + 16));
    }

    // ---- Predicates and Object ---------------------------------------------------------------

    @Override
    public boolean isZero() {
        return c0.isZero() && c1.isZero() && c2.isZero();
    }

    @Override
    public boolean isOne() {
        return c0.isOne() && c1.isZero() && c2.isZero();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq6 other && c0.equals(other.c0) && c1.equals(other.c1) && c2.equals(other.c2);
    }

    @Override
    public int hashCode() {
        return (31 * c0.hashCode() + c1.hashCode()) * 31 + c2.hashCode();
    }

    /** {@code "(c0) + (c1)*v + (c2)*v^2"}. */
    @Override
    public String toString() {
        return "(" + c0 + ") + (" + c1 + ")*v + (" + c2 + ")*v^2";
    }
}
