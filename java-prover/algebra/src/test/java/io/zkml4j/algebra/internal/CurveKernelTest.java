package io.zkml4j.algebra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flat kernels' contract beyond the group law (which the point types' tests cover): outputs may
 * alias inputs, and the batch affine addition agrees with one mixed addition per bucket.
 */
@ExtendWith(SeedExtension.class)
class CurveKernelTest {

    /** A kernel with a random-point source writing Jacobian (with Z ≠ 1) and affine forms. */
    record Case(String name, Supplier<CurveKernel> kernel, PointSource points) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface PointSource {
        /** Writes a random Jacobian point with {@code Z ≠ 1} at {@code jo} and a random affine one at {@code ao}. */
        void write(SplittableRandom rng, long[] jac, int jo, long[] aff, int ao);
    }

    static Stream<Arguments> kernels() {
        PointSource g1 = (rng, jac, jo, aff, ao) -> {
            G1Jacobian.GENERATOR.mul(Fr.random(rng)).dbl().writeMontgomery(jac, jo);
            G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(aff, ao);
        };
        PointSource g2 = (rng, jac, jo, aff, ao) -> {
            G2Jacobian.GENERATOR.mul(Fr.random(rng)).dbl().writeMontgomery(jac, jo);
            G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(aff, ao);
        };
        return Stream.of(Arguments.of(new Case("G1", G1Kernel::new, g1)),
                Arguments.of(new Case("G2", G2Kernel::new, g2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void outputsMayAliasInputs(Case c) {
        CurveKernel k = c.kernel().get();
        int jl = k.jacobianLongs(), al = k.affineLongs();
        SplittableRandom rng = Seeds.rng("kernel-alias-" + c.name());
        for (int trial = 0; trial < 5; trial++) {
            long[] p = new long[jl], q = new long[jl], a = new long[al], unused = new long[al];
            c.points().write(rng, p, 0, a, 0);
            c.points().write(rng, q, 0, unused, 0);
            long[] expected = new long[jl];
            k.add(expected, 0, p, 0, q, 0);
            long[] r = p.clone();
            k.add(r, 0, r, 0, q, 0);                     // r = p
            assertThat(k.equal(r, 0, expected, 0)).isTrue();
            r = q.clone();
            k.add(r, 0, p, 0, r, 0);                     // r = q
            assertThat(k.equal(r, 0, expected, 0)).isTrue();
            k.addMixed(expected, 0, p, 0, a, 0);
            r = p.clone();
            k.addMixed(r, 0, r, 0, a, 0);
            assertThat(k.equal(r, 0, expected, 0)).isTrue();
            k.dbl(expected, 0, p, 0);
            r = p.clone();
            k.dbl(r, 0, r, 0);
            assertThat(k.equal(r, 0, expected, 0)).isTrue();
            r = p.clone();
            k.add(r, 0, r, 0, r, 0);                     // p + p through the full addition
            assertThat(k.equal(r, 0, expected, 0)).isTrue();
            r = p.clone();
            k.neg(r, 0, r, 0);
            k.add(r, 0, r, 0, p, 0);
            assertThat(k.isInfinity(r, 0)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void batchAffineAdditionAgreesWithMixedAdditions(Case c) {
        CurveKernel k = c.kernel().get();
        int jl = k.jacobianLongs(), al = k.affineLongs();
        SplittableRandom rng = Seeds.rng("kernel-batch-" + c.name());
        int n = 37;
        long[] buckets = new long[n * al], points = new long[n * al], scratch = new long[jl];
        int[] bo = new int[n], po = new int[n];
        boolean[] neg = new boolean[n];
        long[] expected = new long[n * jl];
        for (int i = 0; i < n; i++) {
            c.points().write(rng, scratch, 0, buckets, i * al);
            c.points().write(rng, scratch, 0, points, i * al);
            bo[i] = i * al;
            po[i] = (n - 1 - i) * al;                    // any pairing of buckets and points
            neg[i] = rng.nextBoolean();
        }
        for (int i = 0; i < n; i++) {
            k.fromAffine(expected, i * jl, buckets, bo[i]);
            if (neg[i]) {
                k.subMixed(expected, i * jl, expected, i * jl, points, po[i]);
            } else {
                k.addMixed(expected, i * jl, expected, i * jl, points, po[i]);
            }
        }
        long[] pointsBefore = points.clone();
        k.batchAddAffine(buckets, bo, points, po, neg, n);
        assertThat(points).isEqualTo(pointsBefore);
        long[] actual = new long[jl];
        for (int i = 0; i < n; i++) {
            k.fromAffine(actual, 0, buckets, bo[i]);
            assertThat(k.equal(actual, 0, expected, i * jl)).as("bucket %s", i).isTrue();
        }
        long[] affine = new long[n * al];
        k.batchToAffine(expected, 0, affine, 0, n);
        assertThat(Arrays.equals(affine, buckets)).as("same canonical affine limbs").isTrue();
    }
}
