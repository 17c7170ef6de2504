package io.zkml4j.algebra.poly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.poly.Radix2Domain.Tuning;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SeedExtension.class)
class Radix2DomainTest {

    /**
     * {@code 5^((r−1)/2^28) mod r}, as published independently of this code: libsnark's
     * {@code bn128_Fr::root_of_unity} and the constant {@code c} of circomlib's {@code sqrt} (pointbits.circom).
     */
    private static final BigInteger PUBLISHED_ROOT_2_28 = new BigInteger(
            "19103219067921713944291392827692070036145651957329286315305642004821462161904");

    private static final Fr MINUS_ONE = Fr.ONE.neg();

    // ---- The root of unity -----------------------------------------------------------------------

    @Test
    void largestRootIsFiveToTheOddPartOfRMinusOneAndMatchesThePublishedConstant() {
        BigInteger r = Bn254.R;
        BigInteger expected = BigInteger.valueOf(5).modPow(r.subtract(BigInteger.ONE).shiftRight(28), r);
        Fr omega = Radix2Domain.ofLog(28).generator();
        assertThat(omega.toBigInteger()).isEqualTo(expected).isEqualTo(PUBLISHED_ROOT_2_28);
        // (r − 1) / 2^28 is odd: 28 really is the 2-adicity, so no larger domain exists.
        assertThat(r.subtract(BigInteger.ONE).shiftRight(28).testBit(0)).isTrue();
    }

    @Test
    void generatorHasExactOrderNForEverySize() {
        for (int k = 0; k <= Radix2Domain.MAX_LOG_SIZE; k++) {
            Radix2Domain d = Radix2Domain.ofLog(k);
            Fr p = d.generator();
            for (int i = 0; i < k - 1; i++) {
                p = p.square();
            }
            // p = ω^(2^(k−1)) for k >= 1; order exactly 2^k means p = −1 and p² = 1.
            if (k == 0) {
                assertThat(p).as("k=0").isEqualTo(Fr.ONE);
            } else {
                assertThat(p).as("ω^(2^(k-1)) for k=%d", k).isEqualTo(MINUS_ONE);
                assertThat(p.square()).as("ω^(2^k) for k=%d", k).isEqualTo(Fr.ONE);
            }
            assertThat(d.generator().mul(d.generatorInverse())).isEqualTo(Fr.ONE);
            assertThat(d.size()).isEqualTo(1 << k);
            assertThat(d.logSize()).isEqualTo(k);
        }
    }

    @Test
    void generatorsOfNestedDomainsAreSquares() {
        for (int k = 1; k <= Radix2Domain.MAX_LOG_SIZE; k++) {
            assertThat(Radix2Domain.ofLog(k).generator().square()).isEqualTo(Radix2Domain.ofLog(k - 1).generator());
        }
    }

    @Test
    void snarkjsShiftIsAPrimitive2nthRootBelowTheMaximumAndTwentyFiveAtIt() {
        for (int k = 0; k < Radix2Domain.MAX_LOG_SIZE; k++) {
            Radix2Domain d = Radix2Domain.ofLog(k);
            Fr g = d.snarkjsCosetShift();
            assertThat(g.square()).as("k=%d", k).isEqualTo(d.generator());
            assertThat(g).isEqualTo(Radix2Domain.ofLog(k + 1).generator());
            // Z_H is the constant −2 on the odd 2n-th roots of unity.
            assertThat(d.vanishingPolynomialAt(g)).isEqualTo(Fr.of(-2));
        }
        Radix2Domain max = Radix2Domain.ofLog(28);
        assertThat(max.snarkjsCosetShift()).isEqualTo(Fr.of(25));
        assertThat(max.vanishingPolynomialAt(Fr.of(25)).isZero()).isFalse();
    }

    @Test
    void elementIsThePowerOfTheGenerator() {
        Radix2Domain d = Radix2Domain.ofLog(5);
        Fr w = Fr.ONE;
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.element(i)).isEqualTo(w);
            w = w.mul(d.generator());
        }
        assertThat(w).isEqualTo(Fr.ONE);
        assertThatThrownBy(() -> d.element(32)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[0, 32)").hasMessageContaining("32");
        assertThatThrownBy(() -> d.element(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ---- Factories -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -4, 3, 6, 12, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsSizesThatAreNotPowersOfTwo(int size) {
        assertThatThrownBy(() -> Radix2Domain.of(size)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected a power of two as the domain size but got " + size);
    }

    @Test
    void rejectsSizesBeyondTheTwoAdicity() {
        assertThatThrownBy(() -> Radix2Domain.of(1 << 29)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected a domain size of at most 2^28 (the 2-adicity of r - 1) but got 2^29");
        assertThatThrownBy(() -> Radix2Domain.of(1 << 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2^28");
        assertThatThrownBy(() -> Radix2Domain.ofLog(29)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected a log domain size in [0, 28] (the 2-adicity of r - 1) but got 29");
        assertThatThrownBy(() -> Radix2Domain.ofLog(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but got -1");
        assertThatThrownBy(() -> Radix2Domain.ofAtLeast((1 << 28) + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but got " + ((1 << 28) + 1));
        assertThat(Radix2Domain.of(1 << 28).logSize()).isEqualTo(28);
    }

    @Test
    void ofAtLeastPicksTheSmallestSufficientDomain() {
        assertThat(Radix2Domain.ofAtLeast(0).size()).isEqualTo(1);
        assertThat(Radix2Domain.ofAtLeast(1).size()).isEqualTo(1);
        assertThat(Radix2Domain.ofAtLeast(2).size()).isEqualTo(2);
        assertThat(Radix2Domain.ofAtLeast(3).size()).isEqualTo(4);
        assertThat(Radix2Domain.ofAtLeast(1024).size()).isEqualTo(1024);
        assertThat(Radix2Domain.ofAtLeast(1025).size()).isEqualTo(2048);
        assertThat(Radix2Domain.ofAtLeast(1 << 28).size()).isEqualTo(1 << 28);
        assertThat(Radix2Domain.of(64)).isEqualTo(Radix2Domain.ofLog(6)).hasSameHashCodeAs(Radix2Domain.ofLog(6))
                .isNotEqualTo(Radix2Domain.ofLog(5)).hasToString("Radix2Domain[size=2^6]");
    }

    // ---- FFT against the definition --------------------------------------------------------------

    static IntStream smallLogs() {
        return IntStream.rangeClosed(0, 6);
    }

    @ParameterizedTest
    @MethodSource("smallLogs")
    void fftEvaluatesAtThePowersOfOmega(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        Fr[] a = randomVector(d.size(), "fft-naive-" + k);
        Fr[] expected = new Fr[d.size()];
        for (int i = 0; i < d.size(); i++) {
            expected[i] = horner(a, d.generator().pow(i));
        }
        assertThat(d.fft(a)).containsExactly(expected);
        assertThat(d.ifft(expected)).containsExactly(a);
    }

    @ParameterizedTest
    @MethodSource("smallLogs")
    void cosetFftEvaluatesAtTheShiftedPowersOfOmega(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        Fr[] a = randomVector(d.size(), "coset-naive-" + k);
        for (Fr shift : new Fr[] {Fr.random(Seeds.rng("shift-" + k)), d.snarkjsCosetShift(), Fr.of(5), Fr.ONE}) {
            Fr[] expected = new Fr[d.size()];
            for (int i = 0; i < d.size(); i++) {
                expected[i] = horner(a, shift.mul(d.generator().pow(i)));
            }
            assertThat(d.cosetFft(a, shift)).as("shift %s", shift).containsExactly(expected);
            assertThat(d.cosetIfft(expected, shift)).as("shift %s", shift).containsExactly(a);
        }
    }

    @Test
    void fftOfBasisVectorsAndConstants() {
        Radix2Domain d = Radix2Domain.ofLog(4);
        Fr[] x = filled(d.size(), Fr.ZERO);
        x[1] = Fr.ONE; // the polynomial X
        Fr[] evals = d.fft(x);
        for (int i = 0; i < d.size(); i++) {
            assertThat(evals[i]).isEqualTo(d.element(i));
        }
        Fr seven = Fr.of(7);
        Fr[] constant = filled(d.size(), seven);
        Fr[] coeffs = d.ifft(constant);
        assertThat(coeffs[0]).isEqualTo(seven);
        assertThat(Arrays.copyOfRange(coeffs, 1, d.size())).containsOnly(Fr.ZERO);
    }

    // ---- Round trips -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 16})
    void ifftInvertsFftAndViceVersa(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        long[] a = randomFlat(d.size(), "roundtrip-" + k);
        long[] v = a.clone();
        d.fft(v);
        if (k > 0) {
            assertThat(v).isNotEqualTo(a);
        }
        d.ifft(v);
        assertThat(v).isEqualTo(a);
        d.ifft(v);
        d.fft(v);
        assertThat(v).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 6, 10, 13, 16})
    void cosetIfftInvertsCosetFft(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        long[] a = randomFlat(d.size(), "coset-roundtrip-" + k);
        Fr shift = Fr.random(Seeds.rng("coset-shift-" + k));
        long[] v = a.clone();
        d.cosetFft(v, shift);
        d.cosetIfft(v, shift);
        assertThat(v).isEqualTo(a);
        d.cosetIfft(v, d.snarkjsCosetShift());
        d.cosetFft(v, d.snarkjsCosetShift());
        assertThat(v).isEqualTo(a);
    }

    @Test
    void cosetFftEqualsFftOfTheScaledCoefficients() {
        Radix2Domain d = Radix2Domain.ofLog(10);
        Fr[] a = randomVector(d.size(), "coset-scaled");
        Fr g = d.snarkjsCosetShift();
        Fr[] scaled = new Fr[d.size()];
        Fr p = Fr.ONE;
        for (int i = 0; i < d.size(); i++) {
            scaled[i] = a[i].mul(p);
            p = p.mul(g);
        }
        assertThat(d.cosetFft(a, g)).containsExactly(d.fft(scaled));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 11, 14})
    void evaluationsOnCosetEqualsIfftThenCosetFft(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        Fr[] e = randomVector(d.size(), "to-coset-" + k);
        Fr g = d.snarkjsCosetShift();
        Fr[] expected = d.cosetFft(d.ifft(e), g);
        assertThat(d.evaluationsOnCoset(e, g)).containsExactly(expected);
        if (k <= 5) { // against the definition: interpolate naively via Lagrange, evaluate at g·ω^i
            for (int i = 0; i < d.size(); i++) {
                Fr[] l = d.evaluateLagrangeCoefficients(g.mul(d.element(i)));
                Fr value = Fr.ZERO;
                for (int j = 0; j < d.size(); j++) {
                    value = value.add(e[j].mul(l[j]));
                }
                assertThat(expected[i]).isEqualTo(value);
            }
        }
        long[] flat = flat(e);
        d.evaluationsOnCoset(flat, g, new Tuning(0, 1));
        assertThat(flat).isEqualTo(flat(expected));
    }

    @Test
    void fftIsLinear() {
        Radix2Domain d = Radix2Domain.ofLog(9);
        Fr[] a = randomVector(d.size(), "linear-a");
        Fr[] b = randomVector(d.size(), "linear-b");
        Fr c = Fr.random(Seeds.rng("linear-c"));
        Fr[] combo = new Fr[d.size()];
        for (int i = 0; i < d.size(); i++) {
            combo[i] = a[i].add(c.mul(b[i]));
        }
        Fr[] fa = d.fft(a);
        Fr[] fb = d.fft(b);
        Fr[] fc = d.fft(combo);
        for (int i = 0; i < d.size(); i++) {
            assertThat(fc[i]).isEqualTo(fa[i].add(c.mul(fb[i])));
        }
    }

    // ---- Parallel and sequential paths -------------------------------------------------------------

    static Stream<Tuning> tunings() {
        return Stream.of(
                Tuning.sequential(1),                 // pure recursion down to pairs
                Tuning.sequential(Radix2Domain.DEFAULT_BLOCK_LOG),
                new Tuning(0, 1),                     // parallel everywhere, smallest blocks
                new Tuning(0, 3),
                new Tuning(5, 2),                     // mixed: parallel only at the top
                Radix2Domain.DEFAULT_TUNING);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 9, 11, 12, 13, 15})
    void everyTuningGivesIdenticalResults(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        long[] a = randomFlat(d.size(), "tuning-" + k);
        Fr shift = Fr.random(Seeds.rng("tuning-shift-" + k));
        long[] reference = a.clone();
        d.fft(reference, Tuning.sequential(Radix2Domain.DEFAULT_BLOCK_LOG));
        long[] referenceCoset = a.clone();
        d.cosetFft(referenceCoset, shift, Tuning.sequential(Radix2Domain.DEFAULT_BLOCK_LOG));
        tunings().forEach(t -> {
            long[] v = a.clone();
            d.fft(v, t);
            assertThat(v).as("fft, %s", t).isEqualTo(reference);
            d.ifft(v, t);
            assertThat(v).as("ifft, %s", t).isEqualTo(a);
            d.cosetFft(v, shift, t);
            assertThat(v).as("cosetFft, %s", t).isEqualTo(referenceCoset);
            d.cosetIfft(v, shift, t);
            assertThat(v).as("cosetIfft, %s", t).isEqualTo(a);
        });
    }

    @Test
    void forcedParallelAgreesWithNaiveEvaluation() {
        Radix2Domain d = Radix2Domain.ofLog(6);
        Fr[] a = randomVector(d.size(), "parallel-naive");
        long[] v = flat(a);
        d.fft(v, new Tuning(0, 1));
        for (int i = 0; i < d.size(); i++) {
            assertThat(Fr.fromMontgomeryLimbs(v, 4 * i)).isEqualTo(horner(a, d.element(i)));
        }
    }

    @Test
    void rejectsInvalidTunings() {
        assertThatThrownBy(() -> new Tuning(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tuning(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Argument checks -------------------------------------------------------------------------

    @Test
    void rejectsVectorsOfTheWrongLength() {
        Radix2Domain d = Radix2Domain.ofLog(3);
        BiConsumer<String, Runnable> rejects = (what, call) -> assertThatThrownBy(call::run).as(what)
                .isInstanceOf(IllegalArgumentException.class);
        rejects.accept("fft short", () -> d.fft(new long[28]));
        rejects.accept("ifft long", () -> d.ifft(new long[36]));
        rejects.accept("cosetFft", () -> d.cosetFft(new long[8], Fr.ONE));
        rejects.accept("cosetIfft", () -> d.cosetIfft(new long[0], Fr.ONE));
        rejects.accept("Fr[]", () -> d.fft(new Fr[7]));
        rejects.accept("evaluationsOnCoset", () -> d.evaluationsOnCoset(new long[4], Fr.ONE));
        assertThatThrownBy(() -> d.fft(new long[28])).hasMessage(
                "Expected 32 longs (8 Montgomery elements of 4 limbs) for a domain of size 8 but got 28");
        assertThatThrownBy(() -> d.ifft(filled(4, Fr.ONE))).hasMessage(
                "Expected 8 elements for a domain of size 8 but got 4");
    }

    @Test
    void rejectsAZeroShift() {
        Radix2Domain d = Radix2Domain.ofLog(2);
        assertThatThrownBy(() -> d.cosetFft(new long[16], Fr.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected a non-zero coset shift but got 0");
        assertThatThrownBy(() -> d.cosetIfft(filled(4, Fr.ONE), Fr.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.evaluationsOnCoset(new long[16], Fr.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frOverloadsLeaveTheirArgumentUnchangedAndAgreeWithTheFlatOnes() {
        Radix2Domain d = Radix2Domain.ofLog(5);
        Fr[] a = randomVector(d.size(), "overloads");
        Fr[] copy = a.clone();
        Fr[] evals = d.fft(a);
        assertThat(a).containsExactly(copy);
        long[] v = flat(a);
        d.fft(v);
        assertThat(flat(evals)).isEqualTo(v);
    }

    // ---- Vanishing polynomial and Lagrange basis ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 8})
    void vanishingPolynomialIsZeroExactlyOnTheDomain(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.vanishingPolynomialAt(d.element(i)).isZero()).as("ω^%d", i).isTrue();
        }
        SplittableRandom rng = Seeds.rng("vanishing-" + k);
        for (int t = 0; t < 20; t++) {
            Fr x = Fr.random(rng);
            Fr expected = x.pow(BigInteger.ONE.shiftLeft(k)).sub(Fr.ONE);
            assertThat(d.vanishingPolynomialAt(x)).isEqualTo(expected);
            assertThat(expected.isZero()).isFalse(); // a random x is outside H except with probability n/r
        }
        assertThat(d.vanishingPolynomialAt(Fr.ZERO)).isEqualTo(MINUS_ONE);
        if (k < Radix2Domain.MAX_LOG_SIZE) { // a root of unity of twice the order is outside H
            assertThat(d.vanishingPolynomialAt(Radix2Domain.ofLog(k + 1).generator()).isZero()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void lagrangeCoefficientsMatchTheProductFormula(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        Fr tau = Fr.random(Seeds.rng("lagrange-product-" + k));
        Fr[] l = d.evaluateLagrangeCoefficients(tau);
        assertThat(l).hasSize(d.size());
        for (int i = 0; i < d.size(); i++) {
            Fr num = Fr.ONE;
            Fr den = Fr.ONE;
            for (int j = 0; j < d.size(); j++) {
                if (j != i) {
                    num = num.mul(tau.sub(d.element(j)));
                    den = den.mul(d.element(i).sub(d.element(j)));
                }
            }
            assertThat(l[i]).as("L_%d", i).isEqualTo(num.mul(den.inverse()));
        }
    }

    @Test
    void flatLagrangeCoefficientsAtAnOffsetMatchTheFrVersionAndTheUnitVectorOnTheDomain() {
        Radix2Domain d = Radix2Domain.ofLog(4);
        Fr tau = Fr.random(Seeds.rng("lagrange-flat"));
        long[] in = new long[12];
        tau.writeMontgomery(in, 8);
        long[] out = new long[4 * d.size() + 4];
        d.lagrangeCoefficientsAt(in, 8, out);
        Fr[] l = d.evaluateLagrangeCoefficients(tau);
        for (int i = 0; i < d.size(); i++) {
            assertThat(Fr.fromMontgomeryLimbs(out, 4 * i)).as("L_%d", i).isEqualTo(l[i]);
        }
        d.element(5).writeMontgomery(in, 0);
        d.lagrangeCoefficientsAt(in, 0, out);
        for (int i = 0; i < d.size(); i++) {
            assertThat(Fr.fromMontgomeryLimbs(out, 4 * i)).as("L_%d(ω^5)", i).isEqualTo(i == 5 ? Fr.ONE : Fr.ZERO);
        }
        assertThatThrownBy(() -> d.lagrangeCoefficientsAt(in, 0, new long[63]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 64 longs");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 10})
    void lagrangeCoefficientsSumToOneAndInterpolate(int k) {
        Radix2Domain d = Radix2Domain.ofLog(k);
        SplittableRandom rng = Seeds.rng("lagrange-" + k);
        Fr tau = Fr.random(rng);
        Fr[] l = d.evaluateLagrangeCoefficients(tau);
        Fr sum = Fr.ZERO;
        for (Fr li : l) {
            sum = sum.add(li);
        }
        assertThat(sum).isEqualTo(Fr.ONE);
        Fr[] evals = randomVector(d.size(), "lagrange-evals-" + k);
        Fr[] coeffs = d.ifft(evals);
        Fr viaLagrange = Fr.ZERO;
        for (int i = 0; i < d.size(); i++) {
            viaLagrange = viaLagrange.add(evals[i].mul(l[i]));
        }
        assertThat(viaLagrange).isEqualTo(horner(coeffs, tau));
    }

    @Test
    void lagrangeCoefficientsAtADomainPointAreAUnitVector() {
        Radix2Domain d = Radix2Domain.ofLog(4);
        for (int j = 0; j < d.size(); j++) {
            Fr[] l = d.evaluateLagrangeCoefficients(d.element(j));
            for (int i = 0; i < d.size(); i++) {
                assertThat(l[i]).as("L_%d(ω^%d)", i, j).isEqualTo(i == j ? Fr.ONE : Fr.ZERO);
            }
        }
        assertThat(Radix2Domain.ofLog(0).evaluateLagrangeCoefficients(Fr.of(12345))).containsExactly(Fr.ONE);
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    /** Random elements, with the edge values 0, 1 and −1 at the front when there is room. */
    private static Fr[] randomVector(int n, String salt) {
        SplittableRandom rng = Seeds.rng(salt);
        Fr[] a = new Fr[n];
        for (int i = 0; i < n; i++) {
            a[i] = Fr.random(rng);
        }
        if (n >= 8) {
            a[0] = Fr.ZERO;
            a[1] = Fr.ONE;
            a[2] = MINUS_ONE;
        }
        return a;
    }

    private static long[] randomFlat(int n, String salt) {
        return flat(randomVector(n, salt));
    }

    private static long[] flat(Fr[] a) {
        long[] v = new long[4 * a.length];
        for (int i = 0; i < a.length; i++) {
            a[i].writeMontgomery(v, 4 * i);
        }
        return v;
    }

    private static Fr[] filled(int n, Fr value) {
        Fr[] a = new Fr[n];
        Arrays.fill(a, value);
        return a;
    }

    /** {@code Σ a_i·x^i}, the O(n) definition the FFT must agree with. */
    private static Fr horner(Fr[] a, Fr x) {
        Fr acc = Fr.ZERO;
        for (int i = a.length - 1; i >= 0; i--) {
            acc = acc.mul(x).add(a[i]);
        }
        return acc;
    }
}
