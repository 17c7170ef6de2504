package io.zkml4j.algebra.field;

/**
 * An element of a finite field, as an immutable value. Implementations: {@link Fq}, {@link Fr} and the
 * extension tower {@code Fq2}, {@code Fq6}, {@code Fq12}.
 *
 * <p>Every operation returns a new value and leaves its operands unchanged. {@code equals} is value
 * equality.
 *
 * @param <F> the concrete element type
 */
public interface Field<F extends Field<F>> {

    // ---- Arithmetic --------------------------------------------------------------------------

    F add(F other);

    F sub(F other);

    F neg();

    /** {@code 2·this}. */
    F dbl();

    F mul(F other);

    F square();

    /**
     * The multiplicative inverse.
     *
     * @throws ArithmeticException if this element is zero
     */
    F inverse();

    // ---- Predicates --------------------------------------------------------------------------

    boolean isZero();

    boolean isOne();
}
