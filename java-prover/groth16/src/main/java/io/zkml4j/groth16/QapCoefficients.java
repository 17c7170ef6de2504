package io.zkml4j.groth16;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sparse non-zero entries of the QAP matrices A and B as a snarkjs zkey stores them (section 4):
 * entry {@code i} says that constraint {@code constraint(i)} of matrix {@code matrix(i)} ({@link #A} or
 * {@link #B}) has coefficient {@code value(i)} on signal {@code signal(i)}. The matrix C is not stored;
 * the prover obtains its evaluations as the pointwise product of those of A and B.
 *
 * <p>Entries keep their order (the zkey's order, so a key reads and writes back byte for byte); several
 * entries for the same (matrix, constraint, signal) add up. The rows include the public-input rows
 * {@code w[i]·0 = 0} (constraints {@code nConstraints .. nConstraints + nPublic}) that circom/snarkjs
 * add during setup so that the public signals are linearly independent.
 *
 * <p>Storage: four parallel flat arrays, 44 bytes per entry. Values are kept exactly as the zkey
 * stores them: the Montgomery form of {@code value·R} ({@code R = 2^256 mod r}), i.e. the integer
 * {@code value·R² mod r} as four little-endian limbs. A Montgomery multiplication of those limbs by a
 * <em>standard-form</em> witness value therefore yields the Montgomery form of {@code value·w}, which
 * is how {@link Groth16#prove} evaluates A and B without converting the witness. Immutable.
 */
public final class QapCoefficients implements ProvingKey.CoefficientSource {

    /** Matrix id of A. */
    public static final int A = 0;
    /** Matrix id of B. */
    public static final int B = 1;

    private static final MontgomeryKernel K = Fr.KERNEL;

    private final int[] matrix;
    private final int[] constraint;
    private final int[] signal;
    private final long[] values;

    private QapCoefficients(int[] matrix, int[] constraint, int[] signal, long[] values) {
        this.matrix = matrix;
        this.constraint = constraint;
        this.signal = signal;
        this.values = values;
    }

    /**
     * Wraps arrays in the zkey's representation, <em>taking ownership</em> of them (no copy; the caller
     * must not modify them afterwards). Used by readers, which validate entries first; here only the
     * lengths, matrix ids and value reduction are checked.
     *
     * @param rawValues four limbs per entry: the integer {@code value·R² mod r}, little-endian
     * @throws IllegalArgumentException if the lengths disagree, a matrix id is not 0 or 1, an index is
     *     negative, or a value is not below r
     */
    public static QapCoefficients wrapRaw(int[] matrix, int[] constraint, int[] signal, long[] rawValues) {
        int n = matrix.length;
        if (constraint.length != n || signal.length != n || rawValues.length != 4L * n) {
            throw new IllegalArgumentException("Expected " + n + " constraints, signals and " + 4L * n
                    + " value limbs but got " + constraint.length + ", " + signal.length + " and "
                    + rawValues.length);
        }
        for (int i = 0; i < n; i++) {
            if (matrix[i] != A && matrix[i] != B) {
                throw new IllegalArgumentException("Entry " + i + ": matrix id " + matrix[i] + ", expected 0 (A) or 1 (B)");
            }
            if (constraint[i] < 0 || signal[i] < 0) {
                throw new IllegalArgumentException("Entry " + i + ": negative constraint or signal index");
            }
            if (!K.isCanonical(rawValues, 4 * i)) {
                throw new IllegalArgumentException("Entry " + i + ": value limbs are not reduced modulo r");
            }
        }
        return new QapCoefficients(matrix, constraint, signal, rawValues);
    }

    /** A builder for entries given as field values (what a setup produces from an R1CS). */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of entries. */
    @Override
    public int size() {
        return matrix.length;
    }

    /** {@link #A} or {@link #B}. */
    public int matrix(int i) {
        return matrix[i];
    }

    /** The constraint (row, a point of the evaluation domain) of entry {@code i}. */
    public int constraint(int i) {
        return constraint[i];
    }

    /** The signal (wire, column) of entry {@code i}. */
    public int signal(int i) {
        return signal[i];
    }

    /** The coefficient of entry {@code i} as a field element. */
    public Fr value(int i) {
        long[] t = new long[4];
        K.fromMontgomery(t, 0, values, 4 * i); // value·R² → value·R, the Montgomery form of value
        return Fr.fromMontgomeryLimbs(t, 0);
    }

    /** Copies the stored limbs of entry {@code i} ({@code value·R² mod r}, as on disk) into {@code dst}. */
    public void writeRaw(int i, long[] dst, int offset) {
        System.arraycopy(values, 4 * i, dst, offset, 4);
    }

    // Package-private zero-copy access for the prover and the zkey writer (same module).
    int[] matrixArray() {
        return matrix;
    }

    int[] constraintArray() {
        return constraint;
    }

    int[] signalArray() {
        return signal;
    }

    long[] rawValueArray() {
        return values;
    }

    /** These coefficients themselves (they are in memory). */
    @Override
    public QapCoefficients read() {
        return this;
    }

    /** Bytes held: 44 per entry, as in the file. */
    @Override
    public long memoryBytes() {
        return 44L * size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QapCoefficients q && Arrays.equals(matrix, q.matrix)
                && Arrays.equals(constraint, q.constraint) && Arrays.equals(signal, q.signal)
                && Arrays.equals(values, q.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(matrix), Arrays.hashCode(constraint), Arrays.hashCode(signal),
                Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "QapCoefficients[" + size() + " entries]";
    }

    /** Collects entries in order; not thread-safe. */
    public static final class Builder {
        private int[] matrix = new int[16];
        private int[] constraint = new int[16];
        private int[] signal = new int[16];
        private long[] values = new long[64];
        private int n;

        private Builder() {
        }

        /**
         * Appends the entry {@code (matrix, constraint, signal, value)}.
         *
         * @throws IllegalArgumentException if {@code matrix} is not 0 or 1 or an index is negative
         */
        public Builder add(int matrixId, int constraintIndex, int signalIndex, Fr value) {
            if (matrixId != A && matrixId != B) {
                throw new IllegalArgumentException("Expected matrix 0 (A) or 1 (B) but got " + matrixId);
            }
            if (constraintIndex < 0 || signalIndex < 0) {
                throw new IllegalArgumentException("Expected non-negative indices but got constraint "
                        + constraintIndex + ", signal " + signalIndex);
            }
            if (n == matrix.length) {
                int cap = Math.multiplyExact(n, 2);
                matrix = Arrays.copyOf(matrix, cap);
                constraint = Arrays.copyOf(constraint, cap);
                signal = Arrays.copyOf(signal, cap);
                values = Arrays.copyOf(values, 4 * cap);
            }
            matrix[n] = matrixId;
            constraint[n] = constraintIndex;
            signal[n] = signalIndex;
            value.writeMontgomery(values, 4 * n);               // value·R
            K.toMontgomery(values, 4 * n, values, 4 * n);      // value·R²
            n++;
            return this;
        }

        public QapCoefficients build() {
            return new QapCoefficients(Arrays.copyOf(matrix, n), Arrays.copyOf(constraint, n),
                    Arrays.copyOf(signal, n), Arrays.copyOf(values, 4 * n));
        }
    }
}
