package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixed-base products against the double-and-add of the point types, for every window size. */
@ExtendWith(SeedExtension.class)
class FixedBaseTableTest {

    /** Random scalars plus the edge cases 0, 1, −1, r−2, 2^k and digits at the window boundaries. */
    private static Fr[] scalars(SplittableRandom rng, int random) {
        Fr[] s = new Fr[random + 8];
        s[0] = Fr.ZERO;
        s[1] = Fr.ONE;
        s[2] = Fr.of(-1);
        s[3] = Fr.of(-2);
        s[4] = Fr.of(1L << 40);
        s[5] = Fr.of(0xFFFF_FFFFL);
        s[6] = Fr.of(Fr.MODULUS.shiftRight(1));
        s[7] = Fr.of(java.math.BigInteger.ONE.shiftLeft(253));
        for (int i = 8; i < s.length; i++) {
            s[i] = Fr.random(rng);
        }
        return s;
    }

    private static long[] flat(Fr[] s) {
        long[] out = new long[4 * s.length];
        for (int i = 0; i < s.length; i++) {
            s[i].writeMontgomery(out, 4 * i);
        }
        return out;
    }

    @ParameterizedTest(name = "c = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 11, 13})
    void g1ProductsEqualDoubleAndAdd(int c) {
        SplittableRandom rng = Seeds.rng("fixed-base-g1-" + c);
        G1Affine base = G1Affine.GENERATOR.mul(Fr.random(rng));
        Fr[] s = scalars(rng, 24);
        long[] out = FixedBaseTable.g1(base, c).mul(flat(s), s.length);
        assertThat(out).hasSize(G1Kernel.AFFINE_LONGS * s.length);
        for (int i = 0; i < s.length; i++) {
            assertThat(G1Affine.fromMontgomeryLimbs(out, G1Kernel.AFFINE_LONGS * i)).as("scalar %s", s[i])
                    .isEqualTo(base.mul(s[i]));
        }
    }

    @ParameterizedTest(name = "c = {0}")
    @ValueSource(ints = {1, 4, 9, 16})
    void g2ProductsEqualDoubleAndAdd(int c) {
        SplittableRandom rng = Seeds.rng("fixed-base-g2-" + c);
        G2Affine base = G2Affine.GENERATOR.mul(Fr.random(rng));
        Fr[] s = scalars(rng, 8);
        long[] out = FixedBaseTable.g2(base, c).mul(flat(s), s.length);
        for (int i = 0; i < s.length; i++) {
            assertThat(G2Affine.fromMontgomeryLimbs(out, G2Kernel.AFFINE_LONGS * i)).as("scalar %s", s[i])
                    .isEqualTo(base.mul(s[i]));
        }
    }

    @Test
    void manyBlocksInParallelWriteTheirOwnRangeOnly() {
        SplittableRandom rng = Seeds.rng("fixed-base-blocks");
        int n = 2 * FixedBaseTable.BLOCK + 37;
        Fr start = Fr.random(rng), step = Fr.random(rng);
        Fr[] s = new Fr[n];
        for (int i = 0; i < n; i++) {
            s[i] = start.add(step.mul(Fr.of(i)));
        }
        FixedBaseTable table = FixedBaseTable.g1(G1Affine.GENERATOR, 6);
        // Scalars from element 3, points from slot 5 of a larger array whose other slots stay untouched.
        long[] scalars = new long[4 * (n + 3)];
        System.arraycopy(flat(s), 0, scalars, 12, 4 * n);
        long[] out = new long[G1Kernel.AFFINE_LONGS * (n + 9)];
        java.util.Arrays.fill(out, 7L);
        table.mul(scalars, 3, n, out, 5);
        // Consecutive products differ by step·G: check them by one chain of additions.
        G1Jacobian expected = G1Jacobian.GENERATOR.mul(start);
        G1Jacobian stepG = G1Jacobian.GENERATOR.mul(step);
        for (int i = 0; i < n; i++) {
            assertThat(G1Affine.fromMontgomeryLimbs(out, G1Kernel.AFFINE_LONGS * (5 + i))).as("product %d", i)
                    .isEqualTo(expected.toAffine());
            expected = expected.add(stepG);
        }
        for (int i = 0; i < 5 * G1Kernel.AFFINE_LONGS; i++) {
            assertThat(out[i]).isEqualTo(7L);
        }
        for (int i = (5 + n) * G1Kernel.AFFINE_LONGS; i < out.length; i++) {
            assertThat(out[i]).isEqualTo(7L);
        }
    }

    @Test
    void theBaseAtInfinityGivesInfinity() {
        long[] out = FixedBaseTable.g1(G1Affine.INFINITY, 4).mul(flat(new Fr[] {Fr.ONE, Fr.of(5)}), 2);
        assertThat(out).containsOnly(0L);
    }

    @Test
    void windowChoiceGrowsWithTheNumberOfProductsAndIsCapped() {
        assertThat(FixedBaseTable.windowBitsFor(1)).isLessThanOrEqualTo(4);
        assertThat(FixedBaseTable.windowBitsFor(1 << 12)).isLessThan(FixedBaseTable.windowBitsFor(1 << 18));
        assertThat(FixedBaseTable.windowBitsFor(1L << 30)).isEqualTo(FixedBaseTable.MAX_WINDOW_BITS);
        assertThat(FixedBaseTable.g1(G1Affine.GENERATOR, 3).size()).isEqualTo((254 / 3 + 1) * 4);
    }

    @Test
    void rejectsBadWindowsAndShortArrays() {
        assertThatThrownBy(() -> FixedBaseTable.g1(G1Affine.GENERATOR, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window of 1 to 16 bits but got 0");
        assertThatThrownBy(() -> FixedBaseTable.g2(G2Affine.GENERATOR, 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 17");
        FixedBaseTable t = FixedBaseTable.g1(G1Affine.GENERATOR, 2);
        assertThatThrownBy(() -> t.mul(new long[8], 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("within 2 scalars");
        assertThatThrownBy(() -> t.mul(new long[8], 0, 2, new long[8], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within 1 points");
    }
}
