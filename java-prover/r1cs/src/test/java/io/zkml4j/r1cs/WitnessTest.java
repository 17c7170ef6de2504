package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
class WitnessTest {

    @Test
    void flatMontgomeryStorageRoundTripsThroughEveryAccessor() {
        SplittableRandom rng = Seeds.rng("witness");
        Fr[] values = new Fr[17];
        for (int i = 0; i < values.length; i++) {
            values[i] = Fr.random(rng);
        }
        Witness w = Witness.of(values);
        assertThat(w.size()).isEqualTo(17);
        long[] limbs = w.montgomeryLimbs();
        for (int i = 0; i < values.length; i++) {
            assertThat(w.get(i)).isEqualTo(values[i]);
            assertThat(Fr.fromMontgomeryLimbs(limbs, 4 * i)).isEqualTo(values[i]);
            long[] one = new long[6];
            w.writeMontgomery(i, one, 2);
            assertThat(Fr.fromMontgomeryLimbs(one, 2)).isEqualTo(values[i]);
        }
        assertThat(Witness.fromMontgomeryLimbs(limbs)).isEqualTo(w).hasSameHashCodeAs(w);
        limbs[0] ^= 1; // the witness holds a copy
        assertThat(w.get(0)).isEqualTo(values[0]);
        assertThat(w.values(3, 5)).containsExactly(values[3], values[4]);
    }

    @Test
    void withReplacesOneValueWithoutTouchingTheOriginal() {
        Witness w = Witness.of(List.of(Fr.ONE, Fr.of(2), Fr.of(3)));
        Witness v = w.with(1, Fr.of(9));
        assertThat(v.values(0, 3)).containsExactly(Fr.ONE, Fr.of(9), Fr.of(3));
        assertThat(w.get(1)).isEqualTo(Fr.of(2));
        assertThat(w).hasToString("Witness[3 values: 1, 2, 3]");
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> Witness.fromMontgomeryLimbs(new long[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Witness.fromMontgomeryLimbs(new long[]{-1, -1, -1, -1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Witness.of(Fr.ONE).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
