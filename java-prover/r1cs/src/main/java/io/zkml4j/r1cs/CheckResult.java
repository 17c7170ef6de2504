package io.zkml4j.r1cs;

import io.zkml4j.algebra.field.Fr;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link R1cs#check(Witness)}: satisfied, or the first problem found, in this order
 * of checks: the witness length, wire 0 being 1, then the constraints in index order.
 * {@link #message()} gives a one-line description; values print as signed integers in
 * {@code (-r/2, r/2]} so small negative numbers stay readable.
 */
public sealed interface CheckResult {

    /** Whether the witness satisfies the system. */
    boolean isSatisfied();

    /** A one-line description, e.g. {@code constraint 17 (dense_1/row 3): a·b = 12·3 = 36 ≠ c = 35}. */
    String message();

    /**
     * Returns normally when satisfied.
     *
     * @throws R1csException with {@link #message()} otherwise
     */
    default void orThrow() {
        if (!isSatisfied()) {
            throw new R1csException("Witness does not satisfy the R1CS: " + message());
        }
    }

    /** Every check passed. */
    record Satisfied() implements CheckResult {
        @Override
        public boolean isSatisfied() {
            return true;
        }

        @Override
        public String message() {
            return "satisfied";
        }
    }

    /**
     * The witness has the wrong number of values.
     *
     * @param expected the number of wires
     * @param actual   the witness size
     */
    record WrongWitnessLength(int expected, int actual) implements CheckResult {
        @Override
        public boolean isSatisfied() {
            return false;
        }

        @Override
        public String message() {
            return "witness has " + actual + " values but the R1CS has " + expected + " wires";
        }
    }

    /**
     * Wire 0, the constant 1, holds another value.
     *
     * @param value the value found
     */
    record ConstantWireNotOne(Fr value) implements CheckResult {
        public ConstantWireNotOne {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isSatisfied() {
            return false;
        }

        @Override
        public String message() {
            return "wire 0 must be 1 but is " + value.toSignedBigInteger();
        }
    }

    /**
     * The first constraint with {@code a·b ≠ c}.
     *
     * @param index the constraint's index
     * @param name  its name, when the system carries names
     * @param a     value of A on the witness
     * @param b     value of B
     * @param c     value of C
     */
    record ConstraintViolated(int index, Optional<String> name, Fr a, Fr b, Fr c) implements CheckResult {
        public ConstraintViolated {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(c, "c");
        }

        /** {@code a·b}. */
        public Fr ab() {
            return a.mul(b);
        }

        @Override
        public boolean isSatisfied() {
            return false;
        }

        @Override
        public String message() {
            return "constraint " + index + name.map(n -> " (" + n + ")").orElse("") + ": a·b = "
                    + a.toSignedBigInteger() + "·" + b.toSignedBigInteger() + " = " + ab().toSignedBigInteger()
                    + " ≠ c = " + c.toSignedBigInteger();
        }
    }
}
