package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pairing laws, written once for every implementation of the BN254 pairing: implement the four
 * hooks and every law runs on seeded random multiples of the generators ({@link G1Affine},
 * {@link G2Affine}), and the implementation is compared with {@link ReferencePairing}.
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

    default G1Affine g1(BigInteger k) {
        return G1Affine.GENERATOR.mul(k);
    }

    default G2Affine g2(BigInteger k) {
        return G2Affine.GENERATOR.mul(k);
    }

    @Test
    default void isBilinear() {
        RandomGenerator rng = Seeds.rng("bilinear");
        Gt base = pair(PairingInput.of(g1(BigInteger.ONE), g2(BigInteger.ONE)));
        for (int i = 0; i < 2; i++) {
            BigInteger a = randomScalar(rng);
            BigInteger b = randomScalar(rng);
            G1Affine aP = g1(a);
            G2Affine bQ = g2(b);
            assertThat(pair(PairingInput.of(aP, bQ))).isEqualTo(base.pow(a.multiply(b)));
            assertThat(pair(PairingInput.of(aP, g2(BigInteger.ONE))))
                    .isEqualTo(pair(PairingInput.of(g1(BigInteger.ONE), g2(a))));
        }
    }

    @Test
    default void isNonDegenerate() {
        Gt e = pair(PairingInput.of(G1Affine.GENERATOR, G2Affine.GENERATOR));
        assertThat(e.isOne()).isFalse();
        assertThat(e.value().pow(Bn254.R).isOne()).as("e(G1, G2) has order r").isTrue();
    }

    @Test
    default void multiPairingEqualsProduct() {
        RandomGenerator rng = Seeds.rng("multi");
        List<PairingInput> pairs = new ArrayList<>();
        Gt product = Gt.ONE;
        for (int i = 0; i < 3; i++) {
            PairingInput in = PairingInput.of(g1(randomScalar(rng)), g2(randomScalar(rng)));
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
        PairingInput ab = PairingInput.of(g1(a), g2(b));
        PairingInput minusAbOne = PairingInput.of(g1(a.multiply(b).negate()), g2(BigInteger.ONE));
        PairingInput offByOne = PairingInput.of(g1(a.multiply(b).negate().add(BigInteger.ONE)), g2(BigInteger.ONE));
        assertThat(pairingCheck(List.of(ab, minusAbOne))).isTrue();
        assertThat(pairingCheck(List.of(minusAbOne, ab))).isTrue();
        assertThat(pairingCheck(List.of(ab, offByOne))).isFalse();
        assertThat(pairingCheck(List.of(ab))).isFalse();
    }

    @Test
    default void emptyProductAndPointsAtInfinityContributeOne() {
        G1Affine p = G1Affine.GENERATOR;
        G2Affine q = G2Affine.GENERATOR;
        PairingInput pInf = PairingInput.of(G1Affine.INFINITY, q);
        PairingInput qInf = PairingInput.of(p, G2Affine.INFINITY);
        assertThat(pairingCheck(List.of())).isTrue();
        assertThat(pair(pInf).isOne()).isTrue();
        assertThat(pair(qInf).isOne()).isTrue();
        assertThat(pairingCheck(List.of(pInf, qInf))).isTrue();
        PairingInput g = PairingInput.of(p, q);
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
        inputs.add(PairingInput.of(G1Affine.GENERATOR, G2Affine.GENERATOR));
        inputs.add(PairingInput.of(g1(randomScalar(rng)), g2(randomScalar(rng))));
        inputs.add(PairingInput.of(g1(BigInteger.valueOf(-7)), g2(randomScalar(rng))));
        for (PairingInput in : inputs) {
            assertThat(pair(in)).as("e(%s)", in).isEqualTo(ReferencePairing.pair(in));
        }
    }
}
