package io.zkml4j.algebra.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.test.Seeds;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Fq6Test implements FieldContract<Fq6> {

    static final Fq6 V = Fq6.of(Fq2.ZERO, Fq2.ONE, Fq2.ZERO);

    @Override public Fq6 zero() { return Fq6.ZERO; }
    @Override public Fq6 one() { return Fq6.ONE; }
    @Override public Fq6 random(RandomGenerator rng) { return Fq6.random(rng); }

    @Override
    public List<Fq6> edgeValues() {
        Fq2 m1 = Fq2.ONE.neg();
        return List.of(Fq6.ZERO, Fq6.ONE, Fq6.ONE.neg(), V, Fq6.of(m1, m1, m1), Fq6.of(Fq2.NON_RESIDUE),
                Fq6.of(Fq2.ZERO, Fq2.ZERO, Fq2.ONE));
    }

    @Test
    void vCubedIsXi() {
        assertThat(V.square().mul(V)).isEqualTo(Fq6.of(Fq2.NON_RESIDUE));
    }

    @Test
    void mulByNonResidueIsMultiplicationByV() {
        for (Fq6 a : samples("v")) {
            assertThat(a.mulByNonResidue()).isEqualTo(a.mul(V));
        }
    }

    @Test
    void sparseAndScalarMultiplicationsMatchGenericMultiplication() {
        RandomGenerator rng = Seeds.rng("sparse6");
        for (Fq6 a : samples("sparse")) {
            Fq2 b0 = Fq2.random(rng), b1 = Fq2.random(rng);
            assertThat(a.mulBy01(b0, b1)).isEqualTo(a.mul(Fq6.of(b0, b1, Fq2.ZERO)));
            assertThat(a.mul(b0)).isEqualTo(a.mul(Fq6.of(b0)));
        }
    }

    @Test
    void frobeniusIsThePthPowerAndHasPeriodSix() {
        RandomGenerator rng = Seeds.rng("frob6");
        for (int i = 0; i < 4; i++) {
            Fq6 a = Fq6.random(rng);
            assertThat(a.frobenius(1)).isEqualTo(a.pow(Bn254.P));
            Fq6 iterated = a;
            for (int k = 1; k <= 7; k++) {
                iterated = iterated.frobenius(1);
                assertThat(a.frobenius(k)).as("frobenius(%d)", k).isEqualTo(iterated);
            }
            assertThat(a.frobenius(6)).isEqualTo(a);
            assertThat(a.frobenius(-1).frobenius(1)).isEqualTo(a);
        }
    }

    @Test
    void frobeniusIsAFieldAutomorphism() {
        List<Fq6> a = samples("aut-a");
        List<Fq6> b = samples("aut-b");
        for (int i = 0; i < a.size(); i++) {
            for (int k : new int[] {1, 2, 3}) {
                assertThat(a.get(i).mul(b.get(i)).frobenius(k))
                        .isEqualTo(a.get(i).frobenius(k).mul(b.get(i).frobenius(k)));
            }
        }
    }
}
