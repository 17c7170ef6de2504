package io.zkml4j.algebra.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.test.Seeds;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Fq12Test implements FieldContract<Fq12> {

    static final Fq12 W = Fq12.of(Fq6.ZERO, Fq6.ONE);

    @Override public Fq12 zero() { return Fq12.ZERO; }
    @Override public Fq12 one() { return Fq12.ONE; }
    @Override public Fq12 random(RandomGenerator rng) { return Fq12.random(rng); }

    @Override
    public List<Fq12> edgeValues() {
        Fq6 m1 = Fq6.ONE.neg();
        return List.of(Fq12.ZERO, Fq12.ONE, Fq12.ONE.neg(), W, Fq12.of(m1, m1), Fq12.of(Fq6Test.V),
                Fq12.of(Fq6.of(Fq2.NON_RESIDUE)));
    }

    /** {@code f^((p⁶ − 1)(p² + 1))}: an element of the cyclotomic subgroup. */
    static Fq12 cyclotomic(Fq12 f) {
        Fq12 g = f.conjugate().mul(f.inverse());
        return g.frobenius(2).mul(g);
    }

    @Test
    void wSquaredIsVAndTheSixCoefficientViewAgrees() {
        assertThat(W.square()).isEqualTo(Fq12.of(Fq6Test.V));
        assertThat(W.pow(java.math.BigInteger.valueOf(6))).isEqualTo(Fq12.of(Fq6.of(Fq2.NON_RESIDUE)));
        RandomGenerator rng = Seeds.rng("powers-of-w");
        Fq2[] c = new Fq2[6];
        for (int i = 0; i < 6; i++) {
            c[i] = Fq2.random(rng);
        }
        Fq12 sum = Fq12.ZERO;
        Fq12 wi = Fq12.ONE;
        for (int i = 0; i < 6; i++) {
            sum = sum.add(Fq12.of(Fq6.of(c[i])).mul(wi));
            wi = wi.mul(W);
        }
        assertThat(Fq12.ofPowersOfW(c)).isEqualTo(sum);
    }

    @Test
    void mulBy034MatchesGenericMultiplication() {
        RandomGenerator rng = Seeds.rng("034");
        for (Fq12 a : samples("sparse")) {
            Fq2 d0 = Fq2.random(rng), d3 = Fq2.random(rng), d4 = Fq2.random(rng);
            Fq12 line = Fq12.ofPowersOfW(d0, d3, Fq2.ZERO, d4, Fq2.ZERO, Fq2.ZERO);
            assertThat(a.mulBy034(d0, d3, d4)).isEqualTo(a.mul(line));
        }
    }

    @Test
    void frobeniusIsThePthPowerAndHasPeriodTwelve() {
        RandomGenerator rng = Seeds.rng("frob12");
        for (int i = 0; i < 3; i++) {
            Fq12 a = Fq12.random(rng);
            assertThat(a.frobenius(1)).isEqualTo(a.pow(Bn254.P));
            Fq12 iterated = a;
            for (int k = 1; k <= 13; k++) {
                iterated = iterated.frobenius(1);
                assertThat(a.frobenius(k)).as("frobenius(%d)", k).isEqualTo(iterated);
            }
            assertThat(a.frobenius(12)).isEqualTo(a);
            assertThat(a.frobenius(6)).isEqualTo(a.conjugate());
        }
    }

    @Test
    void frobeniusIsAFieldAutomorphism() {
        List<Fq12> a = samples("aut-a");
        List<Fq12> b = samples("aut-b");
        for (int i = 0; i < a.size(); i++) {
            for (int k : new int[] {1, 2, 3}) {
                assertThat(a.get(i).mul(b.get(i)).frobenius(k))
                        .isEqualTo(a.get(i).frobenius(k).mul(b.get(i).frobenius(k)));
            }
        }
    }

    @Test
    void cyclotomicSquaringEqualsSquaringInTheCyclotomicSubgroup() {
        for (Fq12 f : samples("cyclo")) {
            if (f.isZero()) {
                continue;
            }
            Fq12 g = cyclotomic(f);
            // g^(p⁴ − p² + 1) = 1, i.e. g^(p⁴)·g = g^(p²): g really is in the subgroup
            assertThat(g.frobenius(4).mul(g)).isEqualTo(g.frobenius(2));
            assertThat(g.conjugate().mul(g).isOne()).isTrue();
            assertThat(g.cyclotomicSquare()).isEqualTo(g.square());
            assertThat(g.cyclotomicSquare().cyclotomicSquare()).isEqualTo(g.square().square());
        }
    }

    @Test
    void cyclotomicSquaringIsNotAGeneralSquaring() {
        // guards the test above: a formula that ignored the precondition would pass it trivially
        Fq12 f = Fq12.random(Seeds.rng("not-cyclo"));
        assertThat(f.cyclotomicSquare()).isNotEqualTo(f.square());
    }
}
