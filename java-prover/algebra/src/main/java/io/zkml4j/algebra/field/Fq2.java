package io.zkml4j.algebra.field;

import io.zkml4j.algebra.Bn254;
import java.math.BigInteger;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An element {@code c0 + c1·u} of {@code Fq2 = Fq[u]/(u² + 1)}, the field of G2's coordinates, as
 * EIP-197 defines it. Immutable.
 *
 * <p>Hot loops (G2 MSM) use {@link io.zkml4j.algebra.internal.Fq2Kernel} on flat limbs instead.
 */
public final class Fq2 implements Field<Fq2> {

    public static final Fq2 ZERO = new Fq2(Fq.ZERO, Fq.ZERO);

    public static final Fq2 ONE = new Fq2(Fq.ONE, Fq.ZERO);

    /** {@code ξ = 9 + u}, the non-residue over which {@code Fq6 = Fq2[v]/(v³ − ξ)} is built. */
    public static final Fq2 NON_RESIDUE = new Fq2(Fq.of(9), Fq.ONE);

    private final Fq c0;
    private final Fq c1;

    private Fq2(Fq c0, Fq c1) {
        this.c0 = c0;
        this.c1 = c1;
    }

    /** The element {@code c0 + c1·u}. */
    public static Fq2 of(Fq c0, Fq c1) {
        return new Fq2(c0, c1);
    }

    /**
     * The element {@code c0 + c1·u} from canonical integers.
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException unless both are in {@code [0, p)}
     */
    public static Fq2 of(BigInteger c0, BigInteger c1) {
        return new Fq2(Fq.of(c0), Fq.of(c1));
    }

    /** A uniformly random element. */
    public static Fq2 random(RandomGenerator rng) {
        return new Fq2(Fq.random(rng), Fq.random(rng));
    }

    /** The real part. */
    public Fq c0() {
        return c0;
    }

    /** The coefficient of {@code u}. */
    public Fq c1() {
        return c1;
    }

    // ---- Arithmetic --------------------------------------------------------------------------

    @Override
    public Fq2 add(Fq2 o) {
        return new Fq2(c0.add(o.c0), c1.add(o.c1));
    }

    @Override
    public Fq2 sub(Fq2 o) {
        return new Fq2(c0.sub(o.c0), c1.sub(o.c1));
    }

    @Override
    public Fq2 neg() {
        return new Fq2(c0.neg(), c1.neg());
    }

    @Override
    public Fq2 dbl() {
        return new Fq2(c0.dbl(), c1.dbl());
    }

    /** Karatsuba: three Fq multiplications. */
    @Override
    public Fq2 mul(Fq2 o) {
        Fq v0 = c0.mul(o.c0);
        Fq v1 = c1.mul(o.c1);
        Fq cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1);
        return new Fq2(v0.sub(v1), cross);
    }

    /** Complex squaring: two Fq multiplications. */
    @Override
    public Fq2 square() {
        Fq t = c0.mul(c1);
        return new Fq2(c0.add(c1).mul(c0.sub(c1)), t.dbl());
    }

    /** {@code 1/(c0 + c1·u) = (c0 − c1·u)/(c0² + c1²)}. */
    @Override
    public Fq2 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Inverse of zero in Fq2");
        }
        Fq invNorm = norm().inverse();
        return new Fq2(c0.mul(invNorm), c1.neg().mul(invNorm));
    }

    /** Multiplication by an element of the base field. */
    public Fq2 mul(Fq k) {
        return new Fq2(c0.mul(k), c1.mul(k));
    }

    /** Multiplication by {@link #NON_RESIDUE} {@code ξ = 9 + u}, with additions only. */
    public Fq2 mulByNonResidue() {
        Fq nine0 = c0.dbl().dbl().dbl().add(c0);
        Fq nine1 = c1.dbl().dbl().dbl().add(c1);
        return new Fq2(nine0.sub(c1), nine1.add(c0));
    }

    /** {@code c0 − c1·u}, which is also the p-power Frobenius map. */
    public Fq2 conjugate() {
        return new Fq2(c0, c1.neg());
    }

    /** The Frobenius map {@code x ↦ x^(p^power)}: the identity for even powers, conjugation for odd. */
    public Fq2 frobenius(int power) {
        return (power & 1) == 0 ? this : conjugate();
    }

    /** The norm {@code c0² + c1²} to Fq. */
    public Fq norm() {
        return c0.square().add(c1.square());
    }

    /** {@code this^e} for {@code e >= 0} (square-and-multiply; not constant time). */
    public Fq2 pow(BigInteger e) {
        if (e.signum() < 0) {
            throw new IllegalArgumentException("Expected a non-negative exponent but got " + e);
        }
        Fq2 acc = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (e.testBit(i)) {
                acc = acc.mul(this);
            }
        }
        return acc;
    }

    /**
     * A square root, if one exists (Adj and Rodríguez-Henríquez, "Square root computation over even
     * extension fields", 2014, Algorithm 9, for {@code p ≡ 3 mod 4}). Which root is unspecified.
     */
    public Optional<Fq2> sqrt() {
        if (isZero()) {
            return Optional.of(this);
        }
        BigInteger p = Bn254.P;
        Fq2 a1 = pow(p.subtract(BigInteger.valueOf(3)).shiftRight(2));
        Fq2 alpha = a1.square().mul(this);
        Fq2 a0 = alpha.conjugate().mul(alpha);
        if (a0.equals(ONE.neg())) {
            return Optional.empty();
        }
        Fq2 x0 = a1.mul(this);
        Fq2 x = alpha.equals(ONE.neg())
                ? x0.mul(new Fq2(Fq.ZERO, Fq.ONE))
                : ONE.add(alpha).pow(p.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
        return x.square().equals(this) ? Optional.of(x) : Optional.empty();
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

    /** Copies the Montgomery limbs {@code c0 || c1} (8 longs) into {@code dst} at {@code offset}. */
    public void writeMontgomery(long[] dst, int offset) {
        c0.writeMontgomery(dst, offset);
        c1.writeMontgomery(dst, offset + 4);
    }

    /**
     * Reads 8 Montgomery limbs {@code c0 || c1} from a flat kernel array (copied).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException if either half is not reduced
     */
    public static Fq2 fromMontgomeryLimbs(long[] src, int offset) {
        return new Fq2(Fq.fromMontgomeryLimbs(src, offset), Fq.fromMontgomeryLimbs(src, offset + 4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq2 other && c0.equals(other.c0) && c1.equals(other.c1);
    }

    @Override
    public int hashCode() {
        return 31 * c0.hashCode() + c1.hashCode();
    }

    /** {@code "c0 + c1*u"} in decimal. */
    @Override
    public String toString() {
        return c0 + " + " + c1 + "*u";
    }
}
