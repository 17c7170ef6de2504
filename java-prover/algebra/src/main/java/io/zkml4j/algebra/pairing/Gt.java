package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An element of GT, the order-r subgroup of {@code Fq12*} where the BN254 pairing takes its values.
 * Written multiplicatively; immutable.
 *
 * <p>Invariant: the wrapped value {@code g} satisfies {@code g^r = 1}. Values produced by
 * {@link Bn254Pairing} satisfy it by construction; {@link #of(Fq12)} checks it. Because GT lies in the
 * cyclotomic subgroup of Fq12, inversion is conjugation and exponentiation uses Granger–Scott squarings.
 */
public final class Gt {

    /** The identity, {@code e(P, O) = 1}. */
    public static final Gt ONE = new Gt(Fq12.ONE);

    private final Fq12 value;

    Gt(Fq12 value) {
        this.value = value;
    }

    /**
     * Wraps an Fq12 element after checking it is in GT (one exponentiation by r, about the cost of a
     * pairing's final exponentiation).
     *
     * @throws IllegalArgumentException if {@code value^r ≠ 1}
     */
    public static Gt of(Fq12 value) {
        Objects.requireNonNull(value, "value");
        if (value.isZero() || !value.pow(Bn254.R).isOne()) {
            throw new IllegalArgumentException("Expected an Fq12 element of order dividing r but got " + value);
        }
        return new Gt(value);
    }

    /** The underlying Fq12 element. */
    public Fq12 value() {
        return value;
    }

    /** The group operation (Fq12 multiplication). */
    public Gt mul(Gt other) {
        return new Gt(value.mul(other.value));
    }

    /** The inverse, {@code g^-1 = g^(p⁶)} (conjugation: free). */
    public Gt inverse() {
        return new Gt(value.conjugate());
    }

    /** {@code g^k} for any integer k (reduced modulo r; negative exponents invert). */
    public Gt pow(BigInteger k) {
        BigInteger e = k.mod(Bn254.R);
        Fq12 acc = Fq12.ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.cyclotomicSquare();
            if (e.testBit(i)) {
                acc = acc.mul(value);
            }
        }
        return new Gt(acc);
    }

    /** {@code g^k} for a scalar of Fr. */
    public Gt pow(Fr k) {
        return pow(k.toBigInteger());
    }

    /** True for the identity. */
    public boolean isOne() {
        return value.isOne();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gt other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Gt(" + value + ")";
    }
}
