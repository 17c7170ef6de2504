package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
class LinearCombinationTest {

    @Test
    void builderSortsSumsRepeatedWiresAndDropsZerosLikeAMapOracle() {
        SplittableRandom rng = Seeds.rng("lc-builder");
        for (int round = 0; round < 200; round++) {
            LinearCombination.Builder b = LinearCombination.builder();
            Map<Integer, BigInteger> oracle = new TreeMap<>();
            int terms = rng.nextInt(0, 30);
            for (int t = 0; t < terms; t++) {
                int wire = rng.nextInt(0, 12);
                // small values make exact cancellation (zero sums) frequent
                Fr c = rng.nextBoolean() ? Fr.of(rng.nextLong(-3, 4)) : Fr.random(rng);
                b.add(wire, c);
                oracle.merge(wire, c.toBigInteger(), (x, y) -> x.add(y).mod(Fr.MODULUS));
            }
            oracle.values().removeIf(v -> v.signum() == 0);
            LinearCombination lc = b.build();
            assertThat(lc.size()).isEqualTo(oracle.size());
            List<Integer> wires = new ArrayList<>();
            for (int i = 0; i < lc.size(); i++) {
                wires.add(lc.wire(i));
                assertThat(lc.coefficient(i).toBigInteger()).isEqualTo(oracle.get(lc.wire(i)));
                assertThat(lc.coefficientOf(lc.wire(i))).isEqualTo(lc.coefficient(i));
            }
            assertThat(wires).containsExactlyElementsOf(oracle.keySet());
            assertThat(lc.coefficientOf(12)).isEqualTo(Fr.ZERO);
            assertThat(lc.isZero()).isEqualTo(oracle.isEmpty());
        }
    }

    @Test
    void evaluateMatchesBigIntegerSumOfProducts() {
        SplittableRandom rng = Seeds.rng("lc-evaluate");
        for (int round = 0; round < 100; round++) {
            int n = rng.nextInt(1, 20);
            Fr[] values = new Fr[n];
            for (int i = 0; i < n; i++) {
                values[i] = Fr.random(rng);
            }
            Witness w = Witness.of(values);
            LinearCombination.Builder b = LinearCombination.builder();
            BigInteger expected = BigInteger.ZERO;
            for (int t = rng.nextInt(0, 10); t > 0; t--) {
                int wire = rng.nextInt(0, n);
                Fr c = Fr.random(rng);
                b.add(wire, c);
                expected = expected.add(c.toBigInteger().multiply(values[wire].toBigInteger()));
            }
            assertThat(b.build().evaluate(w).toBigInteger()).isEqualTo(expected.mod(Fr.MODULUS));
        }
    }

    @Test
    void equalityIsEqualityOfLinearForms() {
        LinearCombination x = LinearCombination.builder().add(3, 2).add(1, 5).add(3, -2).add(7, 1).build();
        LinearCombination y = LinearCombination.builder().add(7, 1).add(1, 5).build();
        assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
        assertThat(x).isNotEqualTo(LinearCombination.builder().add(7, 1).add(1, 4).build());
        assertThat(LinearCombination.of(4, Fr.ZERO)).isEqualTo(LinearCombination.zero());
    }

    @Test
    void toStringShowsSignedCoefficientsAndConstants() {
        LinearCombination lc = LinearCombination.builder().addConstant(Fr.of(3)).add(1, 2).add(4, -1).add(9, 1)
                .build();
        assertThat(lc).hasToString("3 + 2·w1 - w4 + w9");
        assertThat(LinearCombination.of(2, Fr.of(-5))).hasToString("-5·w2");
        assertThat(LinearCombination.zero()).hasToString("0");
        assertThat(LinearCombination.constant(Fr.of(-1))).hasToString("-1");
    }

    @Test
    void evaluateRejectsWiresBeyondTheWitness() {
        LinearCombination lc = LinearCombination.of(5, Fr.ONE);
        assertThatThrownBy(() -> lc.evaluate(Witness.of(Fr.ONE, Fr.ONE))).isInstanceOf(R1csException.class)
                .hasMessage("Wire 5 is beyond the witness of 2 values");
        assertThatThrownBy(() -> LinearCombination.builder().add(-1, Fr.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderIsReusableAndBuildDoesNotAliasItsState() {
        LinearCombination.Builder b = LinearCombination.builder().add(2, 1);
        LinearCombination first = b.build();
        b.add(2, 1).add(3, 1);
        assertThat(first).isEqualTo(LinearCombination.of(2, Fr.ONE));
        assertThat(b.build()).isEqualTo(LinearCombination.builder().add(2, 2).add(3, 1).build());
        assertThat(LinearCombination.builder().addScaled(b.build(), Fr.of(3)).build())
                .isEqualTo(LinearCombination.builder().add(2, 6).add(3, 3).build());
    }
}
