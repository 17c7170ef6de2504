package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fq6;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The flat tower kernel agrees with the immutable Fq6/Fq12 types, including when outputs alias inputs. */
@ExtendWith(SeedExtension.class)
class Fq12KernelTest {

    private static final int SAMPLES = 50;
    private final Fq12Kernel k = new Fq12Kernel();

    private static long[] flat(Fq12 a) {
        long[] out = new long[Fq12Kernel.FQ12];
        a.writeMontgomery(out, 0);
        return out;
    }

    private static Fq12 cyclotomic(Fq12 f) {
        Fq12 g = f.conjugate().mul(f.inverse());
        return g.frobenius(2).mul(g);
    }

    @Test
    void fq12OperationsMatchTheImmutableType() {
        RandomGenerator rng = Seeds.rng("fq12-kernel");
        long[] buf = new long[3 * Fq12Kernel.FQ12];
        for (int i = 0; i < SAMPLES; i++) {
            Fq12 a = Fq12.random(rng), b = Fq12.random(rng);
            a.writeMontgomery(buf, 0);
            b.writeMontgomery(buf, 48);
            k.mul12(buf, 96, buf, 0, buf, 48);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).isEqualTo(a.mul(b));
            k.square12(buf, 96, buf, 0);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).isEqualTo(a.square());
            k.conjugate12(buf, 96, buf, 0);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).isEqualTo(a.conjugate());
            k.inverse12(buf, 96, buf, 0);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).isEqualTo(a.inverse());
            for (int p = 0; p < 12; p++) {
                k.frobenius12(buf, 96, buf, 0, p);
                assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).as("frobenius(%d)", p).isEqualTo(a.frobenius(p));
            }
            Fq2 d0 = Fq2.random(rng), d3 = Fq2.random(rng), d4 = Fq2.random(rng);
            long[] line = new long[24];
            d0.writeMontgomery(line, 0);
            d3.writeMontgomery(line, 8);
            d4.writeMontgomery(line, 16);
            k.mulBy034(buf, 96, buf, 0, line, 0);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 96)).isEqualTo(a.mulBy034(d0, d3, d4));
            // aliasing: output over the first operand
            long[] alias = flat(a);
            k.mul12(alias, 0, alias, 0, buf, 48);
            k.square12(alias, 0, alias, 0);
            k.mulBy034(alias, 0, alias, 0, line, 0);
            k.frobenius12(alias, 0, alias, 0, 3);
            k.conjugate12(alias, 0, alias, 0);
            assertThat(Fq12.fromMontgomeryLimbs(alias, 0))
                    .isEqualTo(a.mul(b).square().mulBy034(d0, d3, d4).frobenius(3).conjugate());
        }
    }

    @Test
    void cyclotomicSquaringMatchesTheImmutableType() {
        RandomGenerator rng = Seeds.rng("cyclo-kernel");
        for (int i = 0; i < SAMPLES; i++) {
            Fq12 g = cyclotomic(Fq12.random(rng));
            long[] buf = flat(g);
            k.cyclotomicSquare12(buf, 0, buf, 0);
            assertThat(Fq12.fromMontgomeryLimbs(buf, 0)).isEqualTo(g.cyclotomicSquare()).isEqualTo(g.square());
        }
    }

    @Test
    void fq6OperationsMatchTheImmutableType() {
        RandomGenerator rng = Seeds.rng("fq6-kernel");
        long[] buf = new long[4 * Fq12Kernel.FQ6];
        for (int i = 0; i < SAMPLES; i++) {
            Fq6 a = Fq6.random(rng), b = Fq6.random(rng);
            a.writeMontgomery(buf, 0);
            b.writeMontgomery(buf, 24);
            k.mul6(buf, 48, buf, 0, buf, 24);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.mul(b));
            k.mulByV6(buf, 48, buf, 0);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.mulByNonResidue());
            k.mulBy01(buf, 48, buf, 0, buf, 24, 32);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.mulBy01(b.c0(), b.c1()));
            k.mulByFq2(buf, 48, buf, 0, buf, 24);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.mul(b.c0()));
            k.add6(buf, 48, buf, 0, buf, 24);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.add(b));
            k.sub6(buf, 48, buf, 0, buf, 24);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.sub(b));
            k.neg6(buf, 48, buf, 0);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 48)).isEqualTo(a.neg());
            k.mulByXi(buf, 72, buf, 0);
            assertThat(Fq2.fromMontgomeryLimbs(buf, 72)).isEqualTo(a.c0().mulByNonResidue());
            k.mul6(buf, 0, buf, 0, buf, 24); // aliasing
            k.mulByV6(buf, 0, buf, 0);
            assertThat(Fq6.fromMontgomeryLimbs(buf, 0)).isEqualTo(a.mul(b).mulByNonResidue());
        }
    }

    @Test
    void oneIsRecognized() {
        long[] buf = new long[Fq12Kernel.FQ12];
        k.setOne(buf, 0);
        assertThat(k.isOne(buf, 0)).isTrue();
        assertThat(Fq12.fromMontgomeryLimbs(buf, 0)).isEqualTo(Fq12.ONE);
        buf[47] = 1;
        assertThat(k.isOne(buf, 0)).isFalse();
    }
}
