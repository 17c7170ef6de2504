package io.zkml4j.groth16.setup;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.Witness;
import java.util.SplittableRandom;

/**
 * A random satisfiable R1CS with its witness: random inputs; each constraint defines one new wire
 * ({@code A·B = c·w_new + extra terms}, A and B over wires defined before), the public outputs last.
 * Constraints mix in the cases a setup must get right: a wire added twice to one combination (summed),
 * the same wire in A, B and C, constants on wire 0, full-size and small negative coefficients, and empty
 * rows {@code 0·B = 0}.
 */
public record RandomCircuit(R1cs r1cs, Witness witness) {

    public static RandomCircuit of(SplittableRandom rng, int outputs, int publicInputs, int privateInputs, int internal) {
        int firstDefined = 1 + outputs + publicInputs + privateInputs;
        int wires = firstDefined + internal;
        Fr[] w = new Fr[wires];
        w[0] = Fr.ONE;
        for (int i = 1 + outputs; i < firstDefined; i++) {
            w[i] = Fr.random(rng);
        }
        R1cs.Builder b = R1cs.builder().wires(wires).publicOutputs(outputs).publicInputs(publicInputs)
                .privateInputs(privateInputs);
        int[] order = new int[internal + outputs]; // internal wires first, then the outputs
        for (int i = 0; i < internal; i++) {
            order[i] = firstDefined + i;
        }
        for (int i = 0; i < outputs; i++) {
            order[internal + i] = 1 + i;
        }
        int[] known = new int[wires];
        int knownCount = 0;
        for (int i = 0; i < firstDefined; i++) {
            if (i == 0 || i > outputs) {
                known[knownCount++] = i;
            }
        }
        for (int target : order) {
            if (rng.nextInt(6) == 0) {
                b.add(LinearCombination.zero(), randomLc(rng, known, knownCount), LinearCombination.zero());
            }
            LinearCombination la = randomLc(rng, known, knownCount);
            LinearCombination lb = rng.nextInt(5) == 0 ? la : randomLc(rng, known, knownCount);
            Fr coef = rng.nextBoolean() ? Fr.of(rng.nextLong(1, 5)) : Fr.random(rng);
            LinearCombination extra = rng.nextBoolean() ? LinearCombination.zero() : randomLc(rng, known, knownCount);
            Fr ab = la.evaluate(Witness.of(values(w))).mul(lb.evaluate(Witness.of(values(w))));
            w[target] = ab.sub(extra.evaluate(Witness.of(values(w)))).mul(coef.inverse());
            LinearCombination lc = LinearCombination.builder().addScaled(extra, Fr.ONE).add(target, coef).build();
            b.add(la, lb, lc);
            known[knownCount++] = target;
        }
        return new RandomCircuit(b.build(), Witness.of(w));
    }

    /** The values with undefined wires as 0 (they never occur in the combinations evaluated). */
    private static Fr[] values(Fr[] w) {
        Fr[] v = w.clone();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                v[i] = Fr.ZERO;
            }
        }
        return v;
    }

    private static LinearCombination randomLc(SplittableRandom rng, int[] known, int count) {
        LinearCombination.Builder b = LinearCombination.builder();
        for (int t = rng.nextInt(1, 5); t > 0; t--) {
            int wire = known[rng.nextInt(count)];
            Fr c = switch (rng.nextInt(4)) {
                case 0 -> Fr.of(rng.nextLong(-3, 4));
                case 1 -> Fr.ONE;
                default -> Fr.random(rng);
            };
            b.add(wire, c);
            if (rng.nextInt(4) == 0) {
                b.add(wire, Fr.random(rng)); // the same wire twice: summed
            }
        }
        return b.build();
    }
}
