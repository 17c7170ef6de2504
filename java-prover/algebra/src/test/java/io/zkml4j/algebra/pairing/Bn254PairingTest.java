package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Bn254PairingTest implements PairingContract {

    @Override public Gt pair(PairingInput in) { return Bn254Pairing.pair(in); }
    @Override
    public Gt multiPair(List<PairingInput> in) {
        return Bn254Pairing.finalExponentiation(Bn254Pairing.millerLoop(in));
    }

    @Override public boolean pairingCheck(List<PairingInput> in) { return Bn254Pairing.pairingCheck(in); }
    @Override public Gt finalExponentiation(Fq12 f) { return Bn254Pairing.finalExponentiation(f); }

    @Test
    void loopParameterNafIsNonAdjacentAndReconstructsSixXPlusTwo() {
        BigInteger k = Bn254.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
        int[] naf = Bn254Pairing.naf(k);
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < naf.length; i++) {
            sum = sum.add(BigInteger.valueOf(naf[i]).shiftLeft(i));
            if (i > 0) {
                assertThat(naf[i] != 0 && naf[i - 1] != 0).as("adjacent non-zero digits at %d", i).isFalse();
            }
        }
        assertThat(sum).isEqualTo(k);
        assertThat(naf).hasSize(66);
        assertThat(naf[naf.length - 1]).isEqualTo(1);
    }

    @Test
    void hardPartChainExponentIsExactlyTheHardPart() {
        // the identity behind Scott et al.'s chain: (p⁴ − p² + 1)/r = λ0 + λ1·p + λ2·p² + λ3·p³
        BigInteger x = Bn254.X, p = Bn254.P;
        BigInteger x2 = x.pow(2), x3 = x.pow(3);
        BigInteger l3 = BigInteger.ONE;
        BigInteger l2 = x2.multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
        BigInteger l1 = x3.multiply(BigInteger.valueOf(-36)).subtract(x2.multiply(BigInteger.valueOf(18)))
                .subtract(x.multiply(BigInteger.valueOf(12))).add(BigInteger.ONE);
        BigInteger l0 = x3.multiply(BigInteger.valueOf(-36)).subtract(x2.multiply(BigInteger.valueOf(30)))
                .subtract(x.multiply(BigInteger.valueOf(18))).subtract(BigInteger.TWO);
        BigInteger hard = p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE);
        assertThat(hard.mod(Bn254.R)).isZero();
        assertThat(l0.add(l1.multiply(p)).add(l2.multiply(p.pow(2))).add(l3.multiply(p.pow(3))))
                .isEqualTo(hard.divide(Bn254.R));
    }

    @Test
    void finalExponentiationEqualsTheNaivePower() {
        Fq12 f = Fq12.random(Seeds.rng("naive-final-exp"));
        assertThat(Bn254Pairing.finalExponentiation(f).value())
                .isEqualTo(f.pow(ReferencePairing.FINAL_EXPONENT));
    }

    @Test
    void finalExponentiationOfZeroIsAnError() {
        assertThatThrownBy(() -> Bn254Pairing.finalExponentiation(Fq12.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void sharedMillerLoopIsExactlyTheProductOfSingleLoops() {
        RandomGenerator rng = Seeds.rng("shared-loop");
        List<PairingInput> pairs = new ArrayList<>();
        Fq12 product = Fq12.ONE;
        for (int i = 0; i < 3; i++) {
            PairingInput in = PairingInput.of(g1(randomScalar(rng)), g2(randomScalar(rng)));
            pairs.add(in);
            product = product.mul(Bn254Pairing.millerLoop(in.px(), in.py(), in.qx(), in.qy()));
        }
        assertThat(Bn254Pairing.millerLoop(pairs)).isEqualTo(product);
    }

    @Test
    void gtPowerLawsAndMembershipCheck() {
        RandomGenerator rng = Seeds.rng("gt");
        Gt g = Bn254Pairing.pair(PairingInput.of(G1Affine.GENERATOR, G2Affine.GENERATOR));
        BigInteger a = randomScalar(rng);
        assertThat(g.pow(a)).isEqualTo(Gt.of(g.value().pow(a)));
        assertThat(g.pow(Fr.of(a))).isEqualTo(g.pow(a));
        assertThat(g.pow(a.negate())).isEqualTo(g.pow(a).inverse());
        assertThat(g.pow(Bn254.R).isOne()).isTrue();
        assertThat(g.mul(g.inverse())).isEqualTo(Gt.ONE);
        assertThatThrownBy(() -> Gt.of(Fq12.random(rng))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gt.of(Fq12.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairingInputTreatsOnlyZeroZeroAsInfinity() {
        PairingInput in = PairingInput.of(G1Affine.GENERATOR, G2Affine.GENERATOR);
        assertThat(in.isTrivial()).isFalse();
        PairingInput halfZero = PairingInput.of(Fq.ZERO, Fq.ONE, in.qx(), in.qy());
        assertThat(halfZero.pIsInfinity()).isFalse();
    }

    @Test
    void typedOverloadsAgreeWithTheCoordinateApi() {
        G1Affine p = G1Affine.GENERATOR.mul(BigInteger.valueOf(5));
        G2Affine q = G2Affine.GENERATOR.mul(BigInteger.valueOf(11));
        assertThat(Bn254Pairing.pair(p, q)).isEqualTo(Bn254Pairing.pair(p.x(), p.y(), q.x(), q.y()));
        assertThat(Bn254Pairing.millerLoop(p, q)).isEqualTo(Bn254Pairing.millerLoop(p.x(), p.y(), q.x(), q.y()));
        assertThat(Bn254Pairing.pair(p, q)).isEqualTo(Bn254Pairing.pair(G1Affine.GENERATOR, G2Affine.GENERATOR)
                .pow(BigInteger.valueOf(55)));
        PairingInput inf = PairingInput.of(G1Affine.INFINITY, q);
        assertThat(inf.px()).isEqualTo(Fq.ZERO);
        assertThat(inf.py()).isEqualTo(Fq.ZERO);
        assertThat(inf.pIsInfinity()).isTrue();
        assertThat(PairingInput.of(p, G2Affine.INFINITY).qx()).isEqualTo(Fq2.ZERO);
        assertThat(Bn254Pairing.pair(p, G2Affine.INFINITY)).isEqualTo(Gt.ONE);
    }

    @Test
    void concurrentCallsDoNotShareScratchSpace() throws Exception {
        RandomGenerator rng = Seeds.rng("threads");
        List<PairingInput> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inputs.add(PairingInput.of(g1(randomScalar(rng)), g2(randomScalar(rng))));
        }
        List<Gt> expected = inputs.stream().map(Bn254Pairing::pair).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Gt>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (PairingInput in : inputs) {
                    results.add(pool.submit(() -> Bn254Pairing.pair(in)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
            }
        }
    }
}
