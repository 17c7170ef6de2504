package io.zkml4j.algebra.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.internal.Fq2Kernel;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Fq2Test implements FieldContract<Fq2> {

    @Override public Fq2 zero() { return Fq2.ZERO; }
    @Override public Fq2 one() { return Fq2.ONE; }
    @Override public Fq2 random(RandomGenerator rng) { return Fq2.random(rng); }

    @Override
    public List<Fq2> edgeValues() {
        Fq m1 = Fq.ONE.neg();
        return List.of(Fq2.ZERO, Fq2.ONE, Fq2.ONE.neg(), Fq2.of(Fq.ZERO, Fq.ONE), Fq2.of(m1, m1),
                Fq2.of(Fq.ONE, m1), Fq2.NON_RESIDUE);
    }

    @Test
    void uSquaredIsMinusOne() {
        Fq2 u = Fq2.of(Fq.ZERO, Fq.ONE);
        assertThat(u.square()).isEqualTo(Fq2.ONE.neg());
    }

    @Test
    void matchesSchoolbookMultiplicationOnIntegers() {
        BigInteger p = Bn254.P;
        for (Fq2 a : samples("oracle-a")) {
            Fq2 b = Fq2.random(Seeds.rng("oracle-b" + a));
            BigInteger a0 = a.c0().toBigInteger(), a1 = a.c1().toBigInteger();
            BigInteger b0 = b.c0().toBigInteger(), b1 = b.c1().toBigInteger();
            Fq2 product = a.mul(b);
            assertThat(product.c0().toBigInteger()).isEqualTo(a0.multiply(b0).subtract(a1.multiply(b1)).mod(p));
            assertThat(product.c1().toBigInteger()).isEqualTo(a0.multiply(b1).add(a1.multiply(b0)).mod(p));
        }
    }

    @Test
    void mulByNonResidueEqualsMultiplicationByNinePlusU() {
        for (Fq2 a : samples("xi")) {
            assertThat(a.mulByNonResidue()).isEqualTo(a.mul(Fq2.NON_RESIDUE));
        }
    }

    @Test
    void frobeniusIsThePthPower() {
        RandomGenerator rng = Seeds.rng("frob");
        for (int i = 0; i < 5; i++) {
            Fq2 a = Fq2.random(rng);
            assertThat(a.frobenius(1)).isEqualTo(a.pow(Bn254.P));
            assertThat(a.frobenius(2)).isEqualTo(a);
        }
    }

    @Test
    void squareRootsSquareBackAndNonSquaresHaveNone() {
        int none = 0;
        for (Fq2 a : samples("sqrt")) {
            assertThat(a.square().sqrt()).hasValueSatisfying(r -> assertThat(r.square()).isEqualTo(a.square()));
            // a is a square in Fq2 iff its norm is a square in Fq
            boolean isSquare = a.isZero() || a.norm().legendre() == 1;
            assertThat(a.sqrt().isPresent()).as("sqrt exists for %s", a).isEqualTo(isSquare);
            if (!isSquare) {
                none++;
            }
        }
        assertThat(none).as("some samples are non-squares").isPositive();
    }

    @Test
    void kernelAgreesWithTheImmutableType() {
        Fq2Kernel k = new Fq2Kernel(Fq.KERNEL);
        List<Fq2> xs = samples("kernel-a");
        List<Fq2> ys = samples("kernel-b");
        long[] buf = new long[24];
        for (int i = 0; i < xs.size(); i++) {
            Fq2 a = xs.get(i), b = ys.get(i);
            a.writeMontgomery(buf, 0);
            b.writeMontgomery(buf, 8);
            k.mul(buf, 16, buf, 0, buf, 8);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.mul(b));
            k.square(buf, 16, buf, 0);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.square());
            k.add(buf, 16, buf, 0, buf, 8);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.add(b));
            k.sub(buf, 16, buf, 0, buf, 8);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.sub(b));
            k.neg(buf, 16, buf, 0);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.neg());
            k.dbl(buf, 16, buf, 0);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.dbl());
            k.mulByFq(buf, 16, buf, 0, buf, 8);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.mul(b.c0()));
            if (!a.isZero()) {
                k.inverse(buf, 16, buf, 0);
                assertThat(Fq2.fromMontgomeryLimbs(buf, 16)).isEqualTo(a.inverse());
            }
            k.mul(buf, 0, buf, 0, buf, 8); // aliasing output with input
            assertThat(Fq2.fromMontgomeryLimbs(buf, 0)).isEqualTo(a.mul(b));
        }
    }
}
