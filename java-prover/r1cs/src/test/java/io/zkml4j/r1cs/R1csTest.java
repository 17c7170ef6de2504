package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
class R1csTest {

    /** wires: 0 = 1, 1 = out, 2 = x, 3 = y, 4 = t; constraints x·y = t, t·(x + 1) = out. */
    static R1cs twoConstraints(boolean named) {
        Constraint c0 = Constraint.of(LinearCombination.of(2, Fr.ONE), LinearCombination.of(3, Fr.ONE),
                LinearCombination.of(4, Fr.ONE));
        Constraint c1 = Constraint.of(LinearCombination.of(4, Fr.ONE),
                LinearCombination.builder().add(2, 1).addConstant(Fr.ONE).build(), LinearCombination.of(1, Fr.ONE));
        R1cs.Builder b = R1cs.builder().publicOutputs(1).privateInputs(2);
        if (named) {
            b.add(c0, "dense_1/row 2").add(c1, "dense_1/row 3");
        } else {
            b.add(c0).add(c1);
        }
        return b.build();
    }

    static Witness witness(long out, long x, long y, long t) {
        return Witness.of(Fr.ONE, Fr.of(out), Fr.of(x), Fr.of(y), Fr.of(t));
    }

    @Test
    void satisfiedWitnessPasses() {
        CheckResult r = twoConstraints(true).check(witness(12 * 4, 3, 4, 12));
        assertThat(r).isEqualTo(new CheckResult.Satisfied());
        assertThat(r.isSatisfied()).isTrue();
        r.orThrow();
    }

    @Test
    void firstFailingConstraintIsNamedWithItsValues() {
        R1cs r1cs = twoConstraints(true);
        CheckResult r = r1cs.check(witness(35, 2, 6, 12));
        assertThat(r).isEqualTo(new CheckResult.ConstraintViolated(1, Optional.of("dense_1/row 3"), Fr.of(12),
                Fr.of(3), Fr.of(35)));
        assertThat(r.message()).isEqualTo("constraint 1 (dense_1/row 3): a·b = 12·3 = 36 ≠ c = 35");
        assertThatThrownBy(r::orThrow).isInstanceOf(R1csException.class)
                .hasMessage("Witness does not satisfy the R1CS: constraint 1 (dense_1/row 3): a·b = 12·3 = 36 ≠ c = 35");
        // both broken: the first is reported
        assertThat(r1cs.check(witness(35, 2, 6, 11)).message())
                .isEqualTo("constraint 0 (dense_1/row 2): a·b = 2·6 = 12 ≠ c = 11");
        // without names
        assertThat(twoConstraints(false).check(witness(35, 2, 6, 12)).message())
                .isEqualTo("constraint 1: a·b = 12·3 = 36 ≠ c = 35");
    }

    @Test
    void witnessLengthAndConstantWireAreCheckedFirst() {
        R1cs r1cs = twoConstraints(false);
        assertThat(r1cs.check(Witness.of(Fr.ONE, Fr.ONE)).message())
                .isEqualTo("witness has 2 values but the R1CS has 5 wires");
        Witness w = witness(48, 3, 4, 12).with(0, Fr.of(-2));
        assertThat(r1cs.check(w)).isEqualTo(new CheckResult.ConstantWireNotOne(Fr.of(-2)));
        assertThat(r1cs.check(w).message()).isEqualTo("wire 0 must be 1 but is -2");
    }

    @Test
    void randomSatisfiedSystemsPassAndAnyPerturbationOfAnOutputFails() {
        SplittableRandom rng = Seeds.rng("r1cs-random");
        for (int round = 0; round < 50; round++) {
            int inputs = rng.nextInt(1, 6);
            int m = rng.nextInt(1, 20);
            // internal wire inputs+1+i := A_i · B_i over earlier wires, so every constraint holds
            Fr[] values = new Fr[1 + inputs + m];
            values[0] = Fr.ONE;
            for (int i = 1; i <= inputs; i++) {
                values[i] = Fr.random(rng);
            }
            R1cs.Builder b = R1cs.builder().publicInputs(inputs);
            for (int i = 0; i < m; i++) {
                int target = 1 + inputs + i;
                LinearCombination a = randomLc(rng, target);
                LinearCombination bb = randomLc(rng, target);
                Witness partial = Witness.of(java.util.Arrays.copyOf(values, target));
                values[target] = a.evaluate(partial).mul(bb.evaluate(partial));
                b.add(a, bb, LinearCombination.of(target, Fr.ONE));
            }
            R1cs r1cs = b.build();
            Witness w = Witness.of(values);
            assertThat(r1cs.check(w).isSatisfied()).isTrue();
            int broken = rng.nextInt(0, m);
            CheckResult r = r1cs.check(w.with(1 + inputs + broken, values[1 + inputs + broken].add(Fr.ONE)));
            assertThat(r).isInstanceOf(CheckResult.ConstraintViolated.class);
            assertThat(((CheckResult.ConstraintViolated) r).index()).isEqualTo(broken);
        }
    }

    private static LinearCombination randomLc(SplittableRandom rng, int belowWire) {
        LinearCombination.Builder b = LinearCombination.builder();
        for (int t = rng.nextInt(1, 4); t > 0; t--) {
            b.add(rng.nextInt(0, belowWire), Fr.random(rng));
        }
        return b.build();
    }

    @Test
    void builderDerivesWireCountAndValidates() {
        R1cs r = R1cs.builder().publicOutputs(1).publicInputs(2)
                .add(LinearCombination.of(9, Fr.ONE), LinearCombination.zero(), LinearCombination.zero()).build();
        assertThat(r.numWires()).isEqualTo(10);
        assertThat(r.numLabels()).isEqualTo(10);
        assertThat(r.labelOf(9)).isEqualTo(9);
        assertThat(r.numPublic()).isEqualTo(3);
        assertThatThrownBy(() -> R1cs.builder().wires(5)
                .add(LinearCombination.zero(), LinearCombination.of(5, Fr.ONE), LinearCombination.zero()).build())
                .isInstanceOf(R1csException.class).hasMessage("constraint 0 uses wire 5 but there are only 5 wires");
        assertThatThrownBy(() -> R1cs.builder().wires(3).publicOutputs(1).publicInputs(1).privateInputs(1).build())
                .isInstanceOf(R1csException.class).hasMessage(
                        "1 constant + 1 public outputs + 1 public inputs + 1 private inputs = 4 wires, more than the 3 declared");
        assertThatThrownBy(() -> R1cs.builder().wires(2).labels(5).wireToLabel(new long[]{0, 5}).build())
                .isInstanceOf(R1csException.class).hasMessage("Wire 1 maps to label 5, outside [0, 5)");
        assertThatThrownBy(() -> R1cs.builder().wires(2).wireToLabel(new long[]{0}).build())
                .hasMessage("The wire-to-label map has 1 entries for 2 wires");
        assertThatThrownBy(() -> R1cs.builder().wires(4).labels(3).build())
                .hasMessage("The identity wire-to-label map needs at least 4 labels but 3 were declared");
        assertThatThrownBy(() -> R1cs.builder().publicInputs(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreKeptPerConstraintAndDroppedByWithoutNames() {
        R1cs named = twoConstraints(true);
        assertThat(named.constraintName(1)).contains("dense_1/row 3");
        assertThat(named).isNotEqualTo(twoConstraints(false));
        assertThat(named.withoutNames()).isEqualTo(twoConstraints(false))
                .hasSameHashCodeAs(twoConstraints(false));
        assertThat(named.withoutNames().constraintName(1)).isEmpty();
        assertThat(named).hasToString(
                "R1cs[wires=5, publicOutputs=1, publicInputs=0, privateInputs=2, labels=5, constraints=2]");
    }
}
