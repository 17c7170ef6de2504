package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The laws of a prime-order group written additively, written once and inherited by the test class of
 * every point type ({@code G1Affine}, {@code G1Jacobian}, {@code G2Affine}, {@code G2Jacobian}): implement
 * the hooks and every law runs on random points, the generator and the identity.
 *
 * @param <G> the point type under test
 */
@ExtendWith(SeedExtension.class)
public interface GroupContract<G extends GroupElement<G>> {

    G infinity();

    G generator();

    /** The byte encoding under test (EVM layout). */
    byte[] encode(G point);

    /** Decodes; must throw {@link InvalidEncodingException} on anything invalid. */
    G decode(byte[] bytes);

    /** Encodings that must be rejected (off-curve, coordinate {@code >= p}, out of subgroup...). */
    List<byte[]> invalidEncodings();

    /** How many random points each law checks (scalar multiplications dominate; G2 uses fewer). */
    default int samples() {
        return 12;
    }

    /** A uniformly random element: the generator times a random scalar. */
    default G random(RandomGenerator rng) {
        return generator().mul(Fr.random(rng));
    }

    /** The generator and {@link #samples()} random points. */
    default List<G> points(String salt) {
        RandomGenerator rng = Seeds.rng(getClass().getName() + salt);
        List<G> out = new ArrayList<>();
        out.add(generator());
        for (int i = 0; i < samples(); i++) {
            out.add(random(rng));
        }
        return out;
    }

    @Test
    default void infinityIsTheIdentity() {
        assertThat(infinity().isInfinity()).isTrue();
        assertThat(generator().isInfinity()).isFalse();
        assertThat(infinity().add(infinity())).isEqualTo(infinity());
        assertThat(infinity().dbl()).isEqualTo(infinity());
        for (G p : points("identity")) {
            assertThat(p.add(infinity())).isEqualTo(p);
            assertThat(infinity().add(p)).isEqualTo(p);
        }
    }

    @Test
    default void negationIsTheInverse() {
        assertThat(infinity().neg()).isEqualTo(infinity());
        for (G p : points("neg")) {
            assertThat(p.add(p.neg()).isInfinity()).as("P + (−P) = O for %s", p).isTrue();
            assertThat(p.sub(p).isInfinity()).isTrue();
            assertThat(p.neg().neg()).isEqualTo(p);
            assertThat(p.neg()).isNotEqualTo(p); // no points of order 2 in a group of odd order
        }
    }

    @Test
    default void additionIsCommutativeAndAssociative() {
        List<G> a = points("add-a"), b = points("add-b"), c = points("add-c");
        for (int i = 0; i < a.size(); i++) {
            G x = a.get(i), y = b.get(i), z = c.get(i);
            assertThat(x.add(y)).isEqualTo(y.add(x));
            assertThat(x.add(y).add(z)).isEqualTo(x.add(y.add(z)));
        }
    }

    @Test
    default void doublingIsAdditionToSelf() {
        for (G p : points("dbl")) {
            assertThat(p.dbl()).isEqualTo(p.add(p));
            assertThat(p.dbl().add(p)).isEqualTo(p.add(p.dbl())).isEqualTo(p.mul(BigInteger.valueOf(3)));
        }
    }

    @Test
    default void scalarMultiplicationDistributesOverScalarAddition() {
        RandomGenerator rng = Seeds.rng(getClass().getName() + "distribute");
        for (G p : points("distribute-p")) {
            Fr a = Fr.random(rng), b = Fr.random(rng);
            assertThat(p.mul(a).add(p.mul(b))).isEqualTo(p.mul(a.add(b)));
        }
    }

    @Test
    default void scalarMultiplicationComposes() {
        RandomGenerator rng = Seeds.rng(getClass().getName() + "compose");
        for (G p : points("compose-p")) {
            Fr a = Fr.random(rng), b = Fr.random(rng);
            assertThat(p.mul(a).mul(b)).isEqualTo(p.mul(a.mul(b)));
        }
    }

    @Test
    default void smallAndSignedScalarsAgreeWithRepeatedAddition() {
        for (G p : points("small")) {
            assertThat(p.mul(Fr.ZERO).isInfinity()).isTrue();
            assertThat(p.mul(BigInteger.ZERO).isInfinity()).isTrue();
            assertThat(p.mul(Fr.ONE)).isEqualTo(p);
            G sum = infinity();
            for (int k = 1; k <= 9; k++) {
                sum = sum.add(p);
                assertThat(p.mul(BigInteger.valueOf(k))).as("[%s]P", k).isEqualTo(sum);
                assertThat(p.mul(BigInteger.valueOf(-k))).as("[-%s]P", k).isEqualTo(sum.neg());
            }
            assertThat(p.mul(Fr.of(-1))).isEqualTo(p.neg());
            assertThat(p.mul(Bn254.R.subtract(BigInteger.ONE))).isEqualTo(p.neg());
        }
    }

    @Test
    default void theGroupOrderAnnihilatesEveryPoint() {
        for (G p : points("order")) {
            assertThat(p.mul(Bn254.R).isInfinity()).as("[r]P = O for %s", p).isTrue();
            assertThat(p.mul(Bn254.R.add(BigInteger.TWO))).isEqualTo(p.dbl());
        }
        assertThat(infinity().mul(Fr.of(5)).isInfinity()).isTrue();
    }

    @Test
    default void equalPointsHaveEqualHashCodes() {
        for (G p : points("hash")) {
            G same = p.add(generator()).sub(generator());
            assertThat(same).isEqualTo(p).hasSameHashCodeAs(p);
        }
        assertThat(infinity().add(generator()).sub(generator())).isEqualTo(infinity())
                .hasSameHashCodeAs(infinity());
    }

    @Test
    default void encodingRoundTrips() {
        for (G p : points("encode")) {
            assertThat(decode(encode(p))).isEqualTo(p);
        }
        byte[] zero = encode(infinity());
        assertThat(zero).containsOnly(0);
        assertThat(decode(zero).isInfinity()).isTrue();
    }

    @Test
    default void invalidEncodingsAreRejected() {
        List<byte[]> bad = new ArrayList<>(invalidEncodings());
        assertThat(bad).isNotEmpty();
        int len = encode(generator()).length;
        bad.add(new byte[0]);
        bad.add(new byte[len - 1]);
        bad.add(new byte[len + 1]);
        bad.add(new byte[2 * len]);
        for (byte[] b : bad) {
            assertThatThrownBy(() -> decode(b)).as("decoding %s bytes", b.length)
                    .isInstanceOf(InvalidEncodingException.class)
                    .hasMessageNotContaining("null");
        }
        assertThatThrownBy(() -> decode(null)).isInstanceOf(InvalidEncodingException.class);
    }
}
