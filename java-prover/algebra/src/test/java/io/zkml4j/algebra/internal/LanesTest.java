package io.zkml4j.algebra.internal;

import static io.zkml4j.algebra.internal.FqLanes.BLOCK;
import static io.zkml4j.algebra.internal.FqLanes.LANES;
import static io.zkml4j.algebra.internal.FqLanes.LIMBS;
import static io.zkml4j.algebra.internal.FqLanes.LIMB_BITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jdk.incubator.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernels against BigInteger ({@link FqLanes}) and against the scalar kernels
 * ({@link G1LanesBatch}, {@link G2LanesBatch}): lane arithmetic at the edges of its stated bounds, and
 * batch additions that must leave exactly the same buckets as the scalar formulas.
 */
@ExtendWith(SeedExtension.class)
class LanesTest {

    private static final BigInteger P = Bn254.P;
    private static final BigInteger R_INV = BigInteger.TWO.pow(261).modInverse(P);
    private static final long MASK = (1L << LIMB_BITS) - 1;

    @Test
    void theBuildRunsTheVectorKernelsWhereTheCpuHasThem() throws InterruptedException {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                .as("the build's argLine adds jdk.incubator.vector").isPresent();
        boolean cpuHasThem = LongVector.SPECIES_PREFERRED.length() >= LANES;
        assertThat(Lanes.enabled()).isEqualTo(cpuHasThem);
        assertThat(Lanes.awaitWarmUp(120_000)).as("warmed up, faster than scalar, same buckets").isEqualTo(cpuHasThem);
    }

    @Test
    void mulIsMontgomeryMultiplicationWithinItsBounds() {
        SplittableRandom rng = Seeds.rng("lanes-mul");
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
                P.shiftLeft(1).subtract(BigInteger.ONE), P.shiftLeft(3).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE)};
        BigInteger eightP = P.shiftLeft(3);
        long[] a = new long[BLOCK], b = new long[BLOCK], r = new long[BLOCK];
        for (int round = 0; round < 2000; round++) {
            BigInteger[] x = new BigInteger[LANES], y = new BigInteger[LANES];
            for (int lane = 0; lane < LANES; lane++) {
                x[lane] = round < edges.length ? edges[round] : random(rng, eightP);
                y[lane] = round < edges.length ? edges[(round + lane) % edges.length] : random(rng, eightP);
                put(a, lane, x[lane]);
                put(b, lane, y[lane]);
            }
            FqLanes.mul(r, 0, a, 0, b, 0);
            for (int lane = 0; lane < LANES; lane++) {
                BigInteger got = get(r, lane);
                assertThat(got.mod(P)).as("lane %d of %s · %s", lane, x[lane], y[lane])
                        .isEqualTo(x[lane].multiply(y[lane]).multiply(R_INV).mod(P));
                assertThat(got).as("result below 2p").isLessThan(P.shiftLeft(1));
                assertNormalised(r, lane);
            }
        }
    }

    @Test
    void chainedProductsStayInBounds() {
        SplittableRandom rng = Seeds.rng("lanes-chain");
        long[] acc = new long[BLOCK], f = new long[BLOCK];
        BigInteger[] expected = new BigInteger[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            expected[lane] = random(rng, P.shiftLeft(1));
            put(acc, lane, expected[lane]);
        }
        for (int step = 0; step < 200; step++) {
            for (int lane = 0; lane < LANES; lane++) {
                BigInteger v = random(rng, P.shiftLeft(1));
                put(f, lane, v);
                expected[lane] = expected[lane].multiply(v).multiply(R_INV).mod(P);
            }
            FqLanes.mul(acc, 0, acc, 0, f, 0);
        }
        for (int lane = 0; lane < LANES; lane++) {
            assertThat(get(acc, lane).mod(P)).isEqualTo(expected[lane]);
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 4})
    void addAndSubAddAMultipleOfPAndNormalise(int k) {
        SplittableRandom rng = Seeds.rng("lanes-addsub-" + k);
        long[] multiple = FqLanes.multipleOfP(k);
        BigInteger kp = P.multiply(BigInteger.valueOf(k));
        long[] a = new long[BLOCK], b = new long[BLOCK], sum = new long[BLOCK], diff = new long[BLOCK];
        for (int round = 0; round < 500; round++) {
            BigInteger[] x = new BigInteger[LANES], y = new BigInteger[LANES];
            for (int lane = 0; lane < LANES; lane++) {
                x[lane] = random(rng, P.shiftLeft(1));
                y[lane] = k == 0 ? BigInteger.ZERO : round == 0 ? kp : random(rng, kp.add(BigInteger.ONE));
                put(a, lane, x[lane]);
                put(b, lane, y[lane]);
            }
            FqLanes.add(sum, 0, a, 0, b, 0, multiple);
            FqLanes.sub(diff, 0, a, 0, b, 0, multiple);
            for (int lane = 0; lane < LANES; lane++) {
                assertThat(get(sum, lane)).isEqualTo(x[lane].add(y[lane]).add(kp));
                assertThat(get(diff, lane)).isEqualTo(x[lane].subtract(y[lane]).add(kp));
                assertNormalised(sum, lane);
                assertNormalised(diff, lane);
            }
        }
    }

    @Test
    void splitAndJoinRoundTripAndReduce() {
        SplittableRandom rng = Seeds.rng("lanes-split");
        long[] block = new long[BLOCK], out = new long[4];
        for (int i = 0; i < 1000; i++) {
            BigInteger v = i == 0 ? P.multiply(BigInteger.valueOf(5)).subtract(BigInteger.ONE)
                    : random(rng, P.multiply(BigInteger.valueOf(5)));
            put(block, i % LANES, v);
            LaneLimbs.join(block, i % LANES, out, 0);
            assertThat(MontgomeryKernel.fromLimbs(out, 0)).isEqualTo(v.mod(P));
            long[] limbs = MontgomeryKernel.toLimbs(v.mod(P));
            LaneLimbs.split(limbs, 0, block, 3);
            assertThat(get(block, 3)).isEqualTo(v.mod(P));
        }
    }

    /** A curve's scalar kernel, lane adder, public kernel and random affine points, for the tests below. */
    record Curve(String name, int affineLongs, Supplier<CurveKernel> scalar, Supplier<AffineBatchAdder> lanes,
                 Supplier<CurveKernel> kernel, PointWriter randomPoint) {
        @Override
        public String toString() {
            return name;
        }

        void write(SplittableRandom rng, long[] dst, int offset) {
            randomPoint.write(rng, dst, offset);
        }
    }

    /** Writes a random affine point at {@code dst[offset..]}. */
    interface PointWriter {
        void write(SplittableRandom rng, long[] dst, int offset);
    }

    static final Curve G1 = new Curve("G1", G1Kernel.AFFINE_LONGS, () -> new G1Kernel(false), G1LanesBatch::new,
            G1Kernel::new, (rng, dst, o) -> G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(dst, o));
    static final Curve G2 = new Curve("G2", G2Kernel.AFFINE_LONGS, () -> new G2Kernel(false), G2LanesBatch::new,
            G2Kernel::new, (rng, dst, o) -> G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(dst, o));

    static Stream<Arguments> batches() {
        return Stream.concat(IntStream.of(1, 7, 8, 9, 16, 17, 63, 200).mapToObj(n -> Arguments.of(G1, n)),
                IntStream.of(1, 8, 9, 17, 100).mapToObj(n -> Arguments.of(G2, n)));
    }

    /**
     * Batch sizes around the block size, with repeated points, random negation and lanes left over: the
     * lanes leave exactly the scalar kernel's buckets, directly and through the public kernel once the
     * lanes are ready.
     */
    @ParameterizedTest(name = "{0}, {1} additions")
    @MethodSource("batches")
    void batchAdditionLeavesTheSameBucketsAsTheScalarKernel(Curve curve, int count) throws InterruptedException {
        SplittableRandom rng = Seeds.rng("lanes-batch-" + curve + "-" + count);
        int aff = curve.affineLongs();
        long[] buckets = new long[(count + 3) * aff];
        long[] points = new long[(count / 2 + 1) * aff];
        for (int i = 0; i < count + 3; i++) {
            curve.write(rng, buckets, i * aff);
        }
        for (int i = 0; i < count / 2 + 1; i++) {
            curve.write(rng, points, i * aff);
        }
        int[] bucketOffsets = new int[count], pointOffsets = new int[count];
        boolean[] negate = new boolean[count];
        int[] order = shuffled(rng, count + 3);
        for (int i = 0; i < count; i++) {
            bucketOffsets[i] = order[i] * aff;                       // distinct buckets, any order
            pointOffsets[i] = rng.nextInt(count / 2 + 1) * aff;      // points may repeat
            negate[i] = rng.nextBoolean();
        }
        long[] scalar = buckets.clone();
        curve.scalar().get().batchAddAffine(scalar, bucketOffsets, points, pointOffsets, negate, count);
        long[] lanes = buckets.clone();
        curve.lanes().get().batchAddAffine(lanes, bucketOffsets, points, pointOffsets, negate, count);
        assertThat(lanes).isEqualTo(scalar);
        assertThat(Arrays.equals(scalar, buckets)).isFalse();
        long[] viaKernel = buckets.clone();
        assertThat(Lanes.awaitWarmUp(120_000)).isEqualTo(Lanes.enabled());
        curve.kernel().get().batchAddAffine(viaKernel, bucketOffsets, points, pointOffsets, negate, count);
        assertThat(viaKernel).isEqualTo(scalar);
    }

    /** An MSM large enough for batched buckets, on the lanes once they are ready, against the sum of products. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"G1", "G2"})
    void anMsmOnTheLanesEqualsTheSumOfProducts(String curve) throws InterruptedException {
        Lanes.awaitWarmUp(120_000);
        SplittableRandom rng = Seeds.rng("lanes-msm-" + curve);
        int n = curve.equals("G1") ? 3000 : 1500;
        Fr[] scalars = new Fr[n];
        for (int i = 0; i < n; i++) {
            scalars[i] = Fr.random(rng);
        }
        if (curve.equals("G1")) {
            G1Affine[] points = new G1Affine[n];
            G1Jacobian expected = G1Jacobian.INFINITY;
            for (int i = 0; i < n; i++) {
                points[i] = G1Affine.GENERATOR.mul(Fr.random(rng));
                expected = expected.add(points[i].toJacobian().mul(scalars[i]));
            }
            assertThat(Msm.g1(points, scalars).toAffine()).isEqualTo(expected.toAffine());
        } else {
            G2Affine[] points = new G2Affine[n];
            G2Jacobian expected = G2Jacobian.INFINITY;
            for (int i = 0; i < n; i++) {
                points[i] = G2Affine.GENERATOR.mul(Fr.random(rng));
                expected = expected.add(points[i].toJacobian().mul(scalars[i]));
            }
            assertThat(Msm.g2(points, scalars).toAffine()).isEqualTo(expected.toAffine());
        }
    }

    @Test
    void aReusedAdderGivesTheSameResultsForSmallerBatches() {
        G1LanesBatch adder = new G1LanesBatch();
        for (int count : new int[] {100, 9, 40}) {
            SplittableRandom rng = Seeds.rng("lanes-reuse-" + count);
            int aff = G1Kernel.AFFINE_LONGS;
            long[] buckets = new long[count * aff], points = new long[count * aff];
            int[] bo = new int[count], po = new int[count];
            for (int i = 0; i < count; i++) {
                G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(buckets, i * aff);
                G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(points, i * aff);
                bo[i] = i * aff;
                po[i] = (count - 1 - i) * aff;
            }
            boolean[] negate = new boolean[count];
            long[] expected = buckets.clone();
            new G1Kernel(false).batchAddAffine(expected, bo, points, po, negate, count);
            adder.batchAddAffine(buckets, bo, points, po, negate, count);
            assertThat(buckets).isEqualTo(expected);
        }
    }

    private static int[] shuffled(SplittableRandom rng, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static BigInteger random(SplittableRandom rng, BigInteger bound) {
        byte[] bytes = new byte[bound.bitLength() / 8 + 8];
        rng.nextBytes(bytes);
        return new BigInteger(1, bytes).mod(bound);
    }

    private static void put(long[] block, int lane, BigInteger v) {
        for (int j = 0; j < LIMBS; j++) {
            block[LANES * j + lane] = v.shiftRight(LIMB_BITS * j).longValue() & (j == LIMBS - 1 ? -1L : MASK);
        }
    }

    private static BigInteger get(long[] block, int lane) {
        BigInteger v = BigInteger.ZERO;
        for (int j = LIMBS - 1; j >= 0; j--) {
            v = v.shiftLeft(LIMB_BITS).add(BigInteger.valueOf(block[LANES * j + lane]));
        }
        return v;
    }

    private static void assertNormalised(long[] block, int lane) {
        for (int j = 0; j < LIMBS - 1; j++) {
            assertThat(block[LANES * j + lane]).as("limb %d of lane %d", j, lane).isBetween(0L, MASK);
        }
        assertThat(block[LANES * (LIMBS - 1) + lane]).as("top limb of lane %d", lane).isNotNegative();
    }
}
