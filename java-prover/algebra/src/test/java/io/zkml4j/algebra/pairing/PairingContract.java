package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.pairing.AffineCurve.Point;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pairing laws, written once for every implementation of the BN254 pairing (the coordinate API
 * today; typed-point overloads later): implement the four hooks and every law runs on seeded random
 * multiples of the generators.
 */
@ExtendWith(SeedExtension.class)
public interface PairingContract {

    Gt pair(PairingInput in);

    /** {@code e(P1, Q1)·…·e(Pn, Qn)} computed as one multi-pairing (shared final exponentiation). */
    Gt multiPair(List<PairingInput> in);

    boolean pairingCheck(List<PairingInput> in);

    Gt finalExponentiation(Fq12 f);

    default BigInteger randomScalar(RandomGenerator rng) {
        return new BigInteger(Bn254.R.bitLength() + 64, new java.util.Random(rng.nextLong())).mod(Bn254.R);
    }

    default Point<Fq> g1(BigInteger k) {
        return AffineCurve.G1.mul(AffineCurve.G1_GENERATOR, k);
    }

    default Point<Fq2> g2(BigInteger k) {
        return AffineCurve.G2.mul(AffineCurve.G2_GENERATOR, k);
    }

    @Test
    default void isBilinear() {
        RandomGenerator rng = Seeds.rng("bilinear");
        Gt base = pair(AffineCurve.input(g1(BigInteger.ONE), g2(BigInteger.ONE)));
        for (int i = 0; i < 2; i++) {
            BigInteger a = randomScalar(rng);
            BigInteger b = randomScalar(rng);
            Point<Fq> aP = g1(a);
            Point<Fq2> bQ = g2(b);
            assertThat(pair(AffineCurve.input(aP, bQ))).isEqualTo(base.pow(a.multiply(b)));
            assertThat(pair(AffineCurve.input(aP, g2(BigInteger.ONE))))
                    .isEqualTo(pair(AffineCurve.input(g1(BigInteger.ONE), g2(a))));
        }
    }

    @Test
    default void isNonDegenerate() {
        Gt e = pair(AffineCurve.input(AffineCurve.G1_GENERATOR, AffineCurve.G2_GENERATOR));
        assertThat(e.isOne()).isFalse();
        assertThat(e.value().pow(Bn254.R).isOne()).as("e(G1, G2) has order r").isTrue();
    }

    @Test
    default void multiPairingEqualsProduct() {
        RandomGenerator rng = Seeds.rng("multi");
        List<PairingInput> pairs = new ArrayList<>();
        Gt product = Gt.ONE;
        for (int i = 0; i < 3; i++) {
            PairingInput in = AffineCurve.input(g1(randomScalar(rng)), g2(randomScalar(rng)));
            pairs.add(in);
            product = product.mul(pair(in));
        }
        assertThat(multiPair(pairs)).isEqualTo(product);
    }

    @Test
    default void pairingCheckAcceptsExactlyTheCancellingProducts() {
        RandomGenerator rng = Seeds.rng("check");
        BigInteger a = randomScalar(rng);
        BigInteger b = randomScalar(rng);
        PairingInput ab = AffineCurve.input(g1(a), g2(b));
        PairingInput minusAbOne = AffineCurve.input(g1(a.multiply(b).negate()), g2(BigInteger.ONE));
        PairingInput offByOne = AffineCurve.input(g1(a.multiply(b).negate().add(BigInteger.ONE)), g2(BigInteger.ONE));
        assertThat(pairingCheck(List.of(ab, minusAbOne))).isTrue();
        assertThat(pairingCheck(List.of(minusAbOne, ab))).isTrue();
        assertThat(pairingCheck(List.of(ab, offByOne))).isFalse();
        assertThat(pairingCheck(List.of(ab))).isFalse();
    }

    @Test
    default void emptyProductAndPointsAtInfinityContributeOne() {
        Point<Fq> p = AffineCurve.G1_GENERATOR;
        Point<Fq2> q = AffineCurve.G2_GENERATOR;
        PairingInput pInf = AffineCurve.input(AffineCurve.G1.infinity(), q);
        PairingInput qInf = AffineCurve.input(p, AffineCurve.G2.infinity());
        assertThat(pairingCheck(List.of())).isTrue();
        assertThat(pair(pInf).isOne()).isTrue();
        assertThat(pair(qInf).isOne()).isTrue();
        assertThat(pairingCheck(List.of(pInf, qInf))).isTrue();
        PairingInput g = AffineCurve.input(p, q);
        assertThat(multiPair(List.of(pInf, g, qInf))).isEqualTo(pair(g));
    }

    @Test
    default void finalExpOfRandomIsInGt() {
        RandomGenerator rng = Seeds.rng("final-exp");
        for (int i = 0; i < 2; i++) {
            Gt g = finalExponentiation(Fq12.random(rng));
            assertThat(g.isOne()).isFalse();
            assertThat(g.value().pow(Bn254.R).isOne()).as("g^r = 1").isTrue();
        }
    }

    @Test
    default void optimizedEqualsReference() {
        RandomGenerator rng = Seeds.rng("reference");
        List<PairingInput> inputs = new ArrayList<>();
        inputs.add(AffineCurve.input(AffineCurve.G1_GENERATOR, AffineCurve.G2_GENERATOR));
        inputs.add(AffineCurve.input(g1(randomScalar(rng)), g2(randomScalar(rng))));
        inputs.add(AffineCurve.input(g1(BigInteger.valueOf(-7)), g2(randomScalar(rng))));
        for (PairingInput in : inputs) {
            assertThat(pair(in)).as("e(%s)", in).isEqualTo(ReferencePairing.pair(in));
        }
    }
}
