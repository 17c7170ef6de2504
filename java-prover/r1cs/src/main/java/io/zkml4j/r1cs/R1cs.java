package io.zkml4j.r1cs;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable rank-1 constraint system over {@link Fr}, in circom's wire order:
 * <pre>
 *   0                          the constant 1
 *   1 ..                       public outputs   (numPublicOutputs)
 *   then                       public inputs    (numPublicInputs)
 *   then                       private inputs   (numPrivateInputs)
 *   then up to numWires - 1    internal wires
 * </pre>
 * Public signals, as Groth16 and snarkjs's {@code public.json} see them, are wires
 * {@code 1 .. numPublic()}. Besides the constraints it carries circom's wire-to-label map
 * ({@code numLabels} labels, the signals before optimisation; the identity unless given) and,
 * optionally, a name per constraint used in failure messages (names are not part of {@code .r1cs}).
 */
public final class R1cs {

    private final int numWires;
    private final int numPublicOutputs;
    private final int numPublicInputs;
    private final int numPrivateInputs;
    private final long numLabels;
    private final List<Constraint> constraints;
    /** Null when no constraint is named; else one entry (possibly null) per constraint. */
    private final String[] names;
    private final long[] wireToLabel;

    private R1cs(int numWires, int numPublicOutputs, int numPublicInputs, int numPrivateInputs, long numLabels,
                 List<Constraint> constraints, String[] names, long[] wireToLabel) {
        this.numWires = numWires;
        this.numPublicOutputs = numPublicOutputs;
        this.numPublicInputs = numPublicInputs;
        this.numPrivateInputs = numPrivateInputs;
        this.numLabels = numLabels;
        this.constraints = constraints;
        this.names = names;
        this.wireToLabel = wireToLabel;
    }

    /** A builder; set the wire counts, add constraints, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Total number of wires, including wire 0. */
    public int numWires() {
        return numWires;
    }

    public int numPublicOutputs() {
        return numPublicOutputs;
    }

    public int numPublicInputs() {
        return numPublicInputs;
    }

    public int numPrivateInputs() {
        return numPrivateInputs;
    }

    /** Public outputs plus public inputs: the public signals are wires {@code 1 .. numPublic()}. */
    public int numPublic() {
        return numPublicOutputs + numPublicInputs;
    }

    /** Number of labels (circom signals before optimisation); at least every label in the map plus one. */
    public long numLabels() {
        return numLabels;
    }

    public int numConstraints() {
        return constraints.size();
    }

    /** The constraints, unmodifiable. */
    public List<Constraint> constraints() {
        return constraints;
    }

    public Constraint constraint(int index) {
        return constraints.get(index);
    }

    /** The name of constraint {@code index}, when one was given. */
    public Optional<String> constraintName(int index) {
        Objects.checkIndex(index, constraints.size());
        return names == null ? Optional.empty() : Optional.ofNullable(names[index]);
    }

    /** The label of {@code wire} in the wire-to-label map. */
    public long labelOf(int wire) {
        return wireToLabel[Objects.checkIndex(wire, numWires)];
    }

    /** A copy of the wire-to-label map ({@code numWires} entries). */
    public long[] wireToLabel() {
        return wireToLabel.clone();
    }

    /** This system without constraint names. */
    public R1cs withoutNames() {
        if (names == null) {
            return this;
        }
        return new R1cs(numWires, numPublicOutputs, numPublicInputs, numPrivateInputs, numLabels, constraints, null,
                wireToLabel);
    }

    /**
     * Checks {@code witness} against the system: its length, wire 0 being 1, then every constraint
     * in order, stopping at the first failure. Allocation-free per constraint.
     */
    public CheckResult check(Witness witness) {
        Objects.requireNonNull(witness, "witness");
        if (witness.size() != numWires) {
            return new CheckResult.WrongWitnessLength(numWires, witness.size());
        }
        long[] w = witness.limbs();
        if (!Fr.KERNEL.isOne(w, 0)) {
            return new CheckResult.ConstantWireNotOne(witness.get(0));
        }
        MontgomeryKernel k = Fr.KERNEL;
        long[] abc = new long[16];
        long[] tmp = new long[4];
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            c.a().evaluate(w, abc, 0, tmp);
            c.b().evaluate(w, abc, 4, tmp);
            c.c().evaluate(w, abc, 8, tmp);
            k.mul(abc, 12, abc, 0, abc, 4);
            if (!MontgomeryKernel.equal(abc, 12, abc, 8)) {
                return new CheckResult.ConstraintViolated(i, constraintName(i), Fr.fromMontgomeryLimbs(abc, 0),
                        Fr.fromMontgomeryLimbs(abc, 4), Fr.fromMontgomeryLimbs(abc, 8));
            }
        }
        return new CheckResult.Satisfied();
    }

    /** Equal counts, constraints, label maps and constraint names. */
    @Override
    public boolean equals(Object o) {
        return o instanceof R1cs r && numWires == r.numWires && numPublicOutputs == r.numPublicOutputs
                && numPublicInputs == r.numPublicInputs && numPrivateInputs == r.numPrivateInputs
                && numLabels == r.numLabels && constraints.equals(r.constraints)
                && Arrays.equals(wireToLabel, r.wireToLabel) && Arrays.equals(names, r.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numWires, numPublicOutputs, numPublicInputs, numPrivateInputs, numLabels, constraints,
                Arrays.hashCode(wireToLabel), Arrays.hashCode(names));
    }

    @Override
    public String toString() {
        return "R1cs[wires=" + numWires + ", publicOutputs=" + numPublicOutputs + ", publicInputs=" + numPublicInputs
                + ", privateInputs=" + numPrivateInputs + ", labels=" + numLabels + ", constraints="
                + constraints.size() + "]";
    }

    /**
     * Collects counts and constraints. {@link #build()} validates them together and throws
     * {@link R1csException} naming the first inconsistency. The number of wires defaults to the
     * smallest that covers the inputs, outputs and every wire used by a constraint.
     */
    public static final class Builder {
        private int numWires = -1;
        private int numPublicOutputs;
        private int numPublicInputs;
        private int numPrivateInputs;
        private long numLabels = -1;
        private long[] wireToLabel;
        private final List<Constraint> constraints = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private boolean anyName;

        private Builder() {
        }

        /** Total number of wires including wire 0. */
        public Builder wires(int n) {
            numWires = nonNegative(n, "wires");
            return this;
        }

        public Builder publicOutputs(int n) {
            numPublicOutputs = nonNegative(n, "public outputs");
            return this;
        }

        public Builder publicInputs(int n) {
            numPublicInputs = nonNegative(n, "public inputs");
            return this;
        }

        public Builder privateInputs(int n) {
            numPrivateInputs = nonNegative(n, "private inputs");
            return this;
        }

        /** Number of labels; defaults to the number of wires. */
        public Builder labels(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("Expected a non-negative number of labels but got " + n);
            }
            numLabels = n;
            return this;
        }

        /** The label of each wire; defaults to the identity. The array is copied. */
        public Builder wireToLabel(long[] map) {
            wireToLabel = map.clone();
            return this;
        }

        /** Adds an unnamed constraint. */
        public Builder add(Constraint c) {
            constraints.add(Objects.requireNonNull(c, "constraint"));
            names.add(null);
            return this;
        }

        /** Adds a named constraint (the name appears in {@link CheckResult} messages). */
        public Builder add(Constraint c, String name) {
            constraints.add(Objects.requireNonNull(c, "constraint"));
            names.add(Objects.requireNonNull(name, "name"));
            anyName = true;
            return this;
        }

        /** Adds unnamed constraints. */
        public Builder addAll(List<Constraint> cs) {
            for (Constraint c : cs) {
                add(c);
            }
            return this;
        }

        /** Adds the unnamed constraint {@code a·b = c}. */
        public Builder add(LinearCombination a, LinearCombination b, LinearCombination c) {
            return add(Constraint.of(a, b, c));
        }

        /**
         * The validated system.
         *
         * @throws R1csException if the counts are inconsistent, a constraint uses a wire beyond
         *                       {@code numWires}, or the label map is malformed
         */
        public R1cs build() {
            long io = 1L + numPublicOutputs + numPublicInputs + numPrivateInputs;
            int maxUsed = -1;
            int maxAt = -1;
            for (int i = 0; i < constraints.size(); i++) {
                int m = constraints.get(i).maxWire();
                if (m > maxUsed) {
                    maxUsed = m;
                    maxAt = i;
                }
            }
            int wires = numWires;
            if (wires < 0) {
                long needed = Math.max(io, maxUsed + 1L);
                if (needed > Integer.MAX_VALUE) {
                    throw new R1csException("Expected at most " + Integer.MAX_VALUE + " wires but the counts and"
                            + " constraints need " + needed);
                }
                wires = (int) needed;
            }
            if (io > wires) {
                throw new R1csException("1 constant + " + numPublicOutputs + " public outputs + " + numPublicInputs
                        + " public inputs + " + numPrivateInputs + " private inputs = " + io + " wires, more than the "
                        + wires + " declared");
            }
            if (maxUsed >= wires) {
                throw new R1csException("constraint " + maxAt + " uses wire " + maxUsed + " but there are only "
                        + wires + " wires");
            }
            long labels = numLabels < 0 ? wires : numLabels;
            long[] map = wireToLabel;
            if (map == null) {
                if (labels < wires) {
                    throw new R1csException("The identity wire-to-label map needs at least " + wires
                            + " labels but " + labels + " were declared");
                }
                map = new long[wires];
                Arrays.setAll(map, i -> i);
            } else {
                if (map.length != wires) {
                    throw new R1csException("The wire-to-label map has " + map.length + " entries for " + wires
                            + " wires");
                }
                for (int i = 0; i < map.length; i++) {
                    if (map[i] < 0 || map[i] >= labels) {
                        throw new R1csException("Wire " + i + " maps to label " + map[i] + ", outside [0, " + labels
                                + ")");
                    }
                }
            }
            String[] n = anyName ? names.toArray(new String[0]) : null;
            return new R1cs(wires, numPublicOutputs, numPublicInputs, numPrivateInputs, labels,
                    List.copyOf(constraints), n, map);
        }

        private static int nonNegative(int n, String what) {
            if (n < 0) {
                throw new IllegalArgumentException("Expected a non-negative number of " + what + " but got " + n);
            }
            return n;
        }
    }
}
