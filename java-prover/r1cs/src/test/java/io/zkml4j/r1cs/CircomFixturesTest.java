package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.r1cs.test.CircomFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Interoperability with files written by circom 2.2.3 and snarkjs 0.7.6 (see resources/circom/README.md). */
class CircomFixturesTest {

    @TempDir
    Path tmp;

    /** name, wires, constraints, private inputs, public inputs, labels, outputs: as {@code snarkjs r1cs info} printed. */
    static Stream<Arguments> snarkjsInfo() {
        return Stream.of(
                Arguments.of(CircomFixtures.MULTIPLIER, 8, 3, 3, 1, 8, 2),
                Arguments.of(CircomFixtures.LESSTHAN, 35, 34, 1, 2, 44, 2));
    }

    @ParameterizedTest
    @MethodSource("snarkjsInfo")
    void headerCountsMatchSnarkjsR1csInfo(String name, int wires, int constraints, int privateInputs,
                                          int publicInputs, long labels, int outputs) {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(name));
        assertThat(r.numWires()).isEqualTo(wires);
        assertThat(r.numConstraints()).isEqualTo(constraints);
        assertThat(r.numPrivateInputs()).isEqualTo(privateInputs);
        assertThat(r.numPublicInputs()).isEqualTo(publicInputs);
        assertThat(r.numLabels()).isEqualTo(labels);
        assertThat(r.numPublicOutputs()).isEqualTo(outputs);
        assertThat(R1csFile.readHeader(CircomFixtures.r1cs(name)))
                .isEqualTo(new R1csFile.Header(wires, outputs, publicInputs, privateInputs, labels, constraints));
    }

    @Test
    void multiplierWitnessHasSnarkjsValuesInCircomWireOrder() {
        Witness w = WtnsFile.read(CircomFixtures.wtns(CircomFixtures.MULTIPLIER));
        // 1, out, scaled (public outputs), k (public input), a, b, c (private inputs), ab (internal)
        assertThat(w.values(0, w.size())).containsExactly(Fr.of(1), Fr.of(231), Fr.of(1155), Fr.of(5), Fr.of(3),
                Fr.of(11), Fr.of(7), Fr.of(33));
    }

    @Test
    void lessThanWitnessStartsWithSnarkjsValues() {
        Witness w = WtnsFile.read(CircomFixtures.wtns(CircomFixtures.LESSTHAN));
        assertThat(w.size()).isEqualTo(35);
        // 1, lt, ge, bound, threshold, x
        assertThat(w.values(0, 6)).containsExactly(Fr.of(1), Fr.of(1), Fr.of(1), Fr.of(100), Fr.of(50), Fr.of(77));
        assertThat(w.get(34)).isEqualTo(Fr.of(233));
    }

    @Test
    void lessThanLabelMapIsCircomsAndNotTheIdentity() {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(CircomFixtures.LESSTHAN));
        long[] map = r.wireToLabel();
        assertThat(map).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21);
        assertThat(map[map.length - 1]).isEqualTo(43);
    }

    @Test
    void multiplierConstraintsAreTheCircuitsProducts() {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(CircomFixtures.MULTIPLIER));
        Witness w = WtnsFile.read(CircomFixtures.wtns(CircomFixtures.MULTIPLIER));
        // every constraint is a product of single wires (circom writes -A·B + C = 0 forms with coefficients)
        for (Constraint c : r.constraints()) {
            assertThat(c.a().size()).isEqualTo(1);
            assertThat(c.b().size()).isEqualTo(1);
            assertThat(c.c().size()).isEqualTo(1);
            assertThat(c.a().evaluate(w).mul(c.b().evaluate(w))).isEqualTo(c.c().evaluate(w));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CircomFixtures.MULTIPLIER, CircomFixtures.LESSTHAN})
    void witnessSatisfiesR1cs(String name) {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(name));
        Witness w = WtnsFile.read(CircomFixtures.wtns(name));
        CheckResult result = r.check(w);
        assertThat(result.isSatisfied()).as(result.message()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {CircomFixtures.MULTIPLIER, CircomFixtures.LESSTHAN})
    void writingWhatWasReadReproducesCircomsR1csByteForByte(String name) throws IOException {
        Path out = tmp.resolve(name + ".r1cs");
        R1csFile.write(R1csFile.read(CircomFixtures.r1cs(name)), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(CircomFixtures.r1cs(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {CircomFixtures.MULTIPLIER, CircomFixtures.LESSTHAN})
    void writingWhatWasReadReproducesSnarkjsWtnsByteForByte(String name) throws IOException {
        Path out = tmp.resolve(name + ".wtns");
        WtnsFile.write(WtnsFile.read(CircomFixtures.wtns(name)), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(CircomFixtures.wtns(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {CircomFixtures.MULTIPLIER, CircomFixtures.LESSTHAN})
    void changingAnyOneWitnessValueIsReportedAtTheFirstConstraintUsingIt(String name) {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(name));
        Witness w = WtnsFile.read(CircomFixtures.wtns(name));
        for (int wire = 1; wire < w.size(); wire++) {
            Witness bad = w.with(wire, w.get(wire).add(Fr.ONE));
            CheckResult result = r.check(bad);
            int first = firstConstraintUsing(r, wire);
            if (first < 0) {
                assertThat(result.isSatisfied()).as("wire %d is unconstrained", wire).isTrue();
                continue;
            }
            // The first constraint mentioning the wire may still hold by accident (e.g. a bit times 0);
            // the reported one is the first that fails, never one before the first use.
            assertThat(result).as("wire %d", wire).isInstanceOf(CheckResult.ConstraintViolated.class);
            CheckResult.ConstraintViolated v = (CheckResult.ConstraintViolated) result;
            assertThat(v.index()).isGreaterThanOrEqualTo(first);
            assertThat(v.ab()).isNotEqualTo(v.c());
            assertThat(v.message()).startsWith("constraint " + v.index() + ": a·b = ");
        }
    }

    @Test
    void multiplierWithWrongProductNamesTheConstraintAndItsValues() {
        R1cs r = R1csFile.read(CircomFixtures.r1cs(CircomFixtures.MULTIPLIER));
        Witness w = WtnsFile.read(CircomFixtures.wtns(CircomFixtures.MULTIPLIER)).with(7, Fr.of(34)); // ab = 34
        CheckResult result = r.check(w);
        assertThat(result).isInstanceOf(CheckResult.ConstraintViolated.class);
        CheckResult.ConstraintViolated v = (CheckResult.ConstraintViolated) result;
        // circom keeps source order: ab <== a*b is constraint 0
        assertThat(v.index()).isZero();
        // circom writes ab <== a*b as (-a)·(b) = -ab
        assertThat(r.constraint(0).toString()).isEqualTo("(-w4) · (w5) = -w7");
        assertThat(v.a()).isEqualTo(Fr.of(-3));
        assertThat(v.b()).isEqualTo(Fr.of(11));
        assertThat(v.ab()).isEqualTo(Fr.of(-33));
        assertThat(v.c()).isEqualTo(Fr.of(-34));
        assertThat(v.message()).isEqualTo("constraint 0: a·b = -3·11 = -33 ≠ c = -34");
        assertThatThrownBy(result::orThrow).isInstanceOf(R1csException.class).hasMessageContaining("constraint 0: ");
    }

    private static int firstConstraintUsing(R1cs r, int wire) {
        for (int i = 0; i < r.numConstraints(); i++) {
            Constraint c = r.constraint(i);
            if (!c.a().coefficientOf(wire).isZero() || !c.b().coefficientOf(wire).isZero()
                    || !c.c().coefficientOf(wire).isZero()) {
                return i;
            }
        }
        return -1;
    }
}
