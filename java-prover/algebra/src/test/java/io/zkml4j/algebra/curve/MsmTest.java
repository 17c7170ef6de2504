package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MSM against oracles. Points are {@code P_i = [a + i·b]G} (made cheaply by repeated addition), so
 * {@code Σ [s_i] P_i = [Σ s_i (a + i·b)] G}: one scalar multiplication checks any size exactly. Small
 * sizes are also checked against the naive sum over independent random points.
 */
@ExtendWith(SeedExtension.class)
class MsmTest {

    /** Points {@code [a + i·b]G} for {@code i < n}, with their discrete logs. */
    record Bases(G1Affine[] points, Fr[] logs) {
        static Bases of(int n, SplittableRandom rng) {
            Fr a = Fr.random(rng), b = Fr.random(rng);
            G1Jacobian step = G1Jacobian.GENERATOR.mul(b);
            G1Jacobian[] jac = new G1Jacobian[n];
            Fr[] logs = new Fr[n];
            G1Jacobian cur = G1Jacobian.GENERATOR.mul(a);
            Fr log = a;
            for (int i = 0; i < n; i++) {
                jac[i] = cur;
                logs[i] = log;
                cur = cur.add(step);
                log = log.add(b);
            }
            return new Bases(G1Jacobian.toAffine(jac), logs);
        }

        G1Jacobian expected(Fr[] scalars) {
            Fr e = Fr.ZERO;
            for (int i = 0; i < scalars.length; i++) {
                e = e.add(scalars[i].mul(logs[i]));
            }
            return G1Jacobian.GENERATOR.mul(e);
        }
    }

    static Fr[] scalars(int n, IntFunction<Fr> f) {
        Fr[] s = new Fr[n];
        for (int i = 0; i < n; i++) {
            s[i] = f.apply(i);
        }
        return s;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 17, 100, 1000, 4096})
    void randomScalarsMatchTheDiscreteLogOracle(int n) {
        SplittableRandom rng = Seeds.rng("msm-random-" + n);
        Bases bases = Bases.of(n, rng);
        Fr[] s = scalars(n, i -> Fr.random(rng));
        assertThat(Msm.g1(bases.points(), s)).isEqualTo(bases.expected(s));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 17, 100})
    void randomScalarsOnIndependentPointsMatchTheNaiveSum(int n) {
        SplittableRandom rng = Seeds.rng("msm-naive-" + n);
        G1Affine[] p = new G1Affine[n];
        Fr[] s = new Fr[n];
        G1Jacobian naive = G1Jacobian.INFINITY;
        for (int i = 0; i < n; i++) {
            p[i] = G1Affine.GENERATOR.mul(Fr.random(rng));
            s[i] = Fr.random(rng);
            naive = naive.add(p[i].toJacobian().mul(s[i]));
        }
        assertThat(Msm.g1(p, s)).isEqualTo(naive);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 17, 1000})
    void allZeroScalarsGiveInfinity(int n) {
        Bases bases = Bases.of(n, Seeds.rng("msm-zero-" + n));
        assertThat(Msm.g1(bases.points(), scalars(n, i -> Fr.ZERO)).isInfinity()).isTrue();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 3, 100, 1000})
    void allOneScalarsGiveThePlainSum(int n) {
        Bases bases = Bases.of(n, Seeds.rng("msm-one-" + n));
        G1Jacobian sum = G1Jacobian.INFINITY;
        for (G1Affine p : bases.points()) {
            sum = sum.add(p);
        }
        Fr[] ones = scalars(n, i -> Fr.ONE);
        assertThat(Msm.g1(bases.points(), ones)).isEqualTo(sum).isEqualTo(bases.expected(ones));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {17, 100, 1000, 4096})
    void witnessLikeScalarsMatchTheOracle(int n) {
        SplittableRandom rng = Seeds.rng("msm-witness-" + n);
        Bases bases = Bases.of(n, rng);
        Fr[] s = scalars(n, i -> switch (rng.nextInt(8)) {
            case 0, 1, 2 -> Fr.ZERO;
            case 3 -> Fr.ONE;
            case 4 -> Fr.of(-1);
            case 5 -> Fr.of(rng.nextInt(256) - 128);
            case 6 -> Fr.of(rng.nextLong());
            default -> rng.nextInt(50) == 0 ? Fr.random(rng) : Fr.of(rng.nextInt(1 << 20));
        });
        assertThat(Msm.g1(bases.points(), s)).isEqualTo(bases.expected(s));
    }

    @Test
    void onlySmallScalarsUseTheChunkedPathAndMatch() {
        int n = 3000;
        SplittableRandom rng = Seeds.rng("msm-small");
        Bases bases = Bases.of(n, rng);
        Fr[] s = scalars(n, i -> Fr.of(rng.nextInt(4) - 1)); // −1, 0, 1, 2
        assertThat(Msm.g1(bases.points(), s)).isEqualTo(bases.expected(s));
    }

    @Test
    void edgeScalarsMatchTheOracle() {
        BigInteger r = Bn254.R;
        BigInteger[] edges = {BigInteger.ONE, BigInteger.TWO, r.subtract(BigInteger.ONE), r.shiftRight(1),
            r.shiftRight(1).add(BigInteger.ONE), r.shiftRight(1).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE).mod(r),
            BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE), r.subtract(BigInteger.ONE.shiftLeft(100))};
        Bases bases = Bases.of(edges.length, Seeds.rng("msm-edges"));
        Fr[] s = scalars(edges.length, i -> Fr.of(edges[i]));
        assertThat(Msm.g1(bases.points(), s)).isEqualTo(bases.expected(s));
        for (int i = 0; i < edges.length; i++) { // one at a time: each edge alone
            assertThat(Msm.g1(new G1Affine[] {bases.points()[i]}, new Fr[] {s[i]}))
                    .as("scalar %s", edges[i]).isEqualTo(bases.points()[i].toJacobian().mul(s[i]));
        }
    }

    @Test
    void repeatedAndOppositePointsAndInfinityAreHandled() {
        G1Affine g = G1Affine.GENERATOR;
        G1Affine[] p = {g, g, g.neg(), G1Affine.INFINITY, g, g.dbl()};
        Fr[] s = {Fr.of(5), Fr.of(5), Fr.of(5), Fr.of(99), Fr.of(-3), Fr.of(1)};
        // 5 + 5 − 5 − 3 + 2 = 4
        assertThat(Msm.g1(p, s)).isEqualTo(G1Jacobian.GENERATOR.mul(BigInteger.valueOf(4)));
        G1Affine[] cancel = {g, g};
        assertThat(Msm.g1(cancel, new Fr[] {Fr.of(7), Fr.of(-7)}).isInfinity()).isTrue();
    }

    @Test
    void repeatedAndOppositePointsInLargeInputsTakeTheOverflowPath() {
        int n = 1500; // large enough for batch-affine buckets
        SplittableRandom rng = Seeds.rng("msm-repeats");
        Bases few = Bases.of(5, rng);
        G1Affine[] p = new G1Affine[n];
        Fr[] logs = new Fr[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(5);
            boolean neg = rng.nextBoolean();
            p[i] = neg ? few.points()[k].neg() : few.points()[k];
            logs[i] = neg ? few.logs()[k].neg() : few.logs()[k];
        }
        Bases bases = new Bases(p, logs);
        Fr[] s = scalars(n, i -> i % 7 == 0 ? Fr.of(i % 3 + 1) : Fr.random(rng));
        assertThat(Pippenger.windowBits(n, 253)).isGreaterThanOrEqualTo(9);
        assertThat(Msm.g1(p, s)).isEqualTo(bases.expected(s));
        Bases2 few2 = Bases2.of(3, rng);
        G2Affine[] q = new G2Affine[n];
        Fr[] logs2 = new Fr[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(3);
            boolean neg = rng.nextBoolean();
            q[i] = neg ? few2.points()[k].neg() : few2.points()[k];
            logs2[i] = neg ? few2.logs()[k].neg() : few2.logs()[k];
        }
        assertThat(Msm.g2(q, s)).isEqualTo(new Bases2(q, logs2).expected(s));
    }

    @Test
    void aBucketSharedByThousandsOfPointsInARowMatchesTheOracle() {
        // Equal scalars put their points into the same bucket of every window, one after another (as the
        // repeated values of a real witness do): the pending list sums them as a tree over a few batches.
        int n = 6000;
        SplittableRandom rng = Seeds.rng("msm-hot-bucket");
        Bases bases = Bases.of(n, rng);
        Fr hot = Fr.random(rng);
        Fr[] s = scalars(n, i -> i % 3 == 2 ? Fr.random(rng) : i % 97 == 0 ? hot.neg() : hot);
        assertThat(Pippenger.windowBits(n, 254)).isGreaterThanOrEqualTo(9);
        assertThat(Msm.g1(bases.points(), s)).isEqualTo(bases.expected(s));
        Bases2 bases2 = Bases2.of(n / 2, rng);
        Fr[] s2 = java.util.Arrays.copyOf(s, n / 2);
        assertThat(Msm.g2(bases2.points(), s2)).isEqualTo(bases2.expected(s2));
    }

    @Test
    void emptyInputIsInfinity() {
        assertThat(Msm.g1(new G1Affine[0], new Fr[0]).isInfinity()).isTrue();
        assertThat(Msm.g1(new long[0], new long[0], 0).isInfinity()).isTrue();
    }

    @Test
    void flatEntryPointsAgreeWithTheObjectOneAndSequentialWithParallel() {
        int n = 700;
        SplittableRandom rng = Seeds.rng("msm-flat");
        Bases bases = Bases.of(n, rng);
        Fr[] s = scalars(n, i -> Fr.random(rng));
        long[] fp = new long[G1Kernel.AFFINE_LONGS * n];
        long[] fs = new long[4 * n];
        for (int i = 0; i < n; i++) {
            bases.points()[i].writeMontgomery(fp, G1Kernel.AFFINE_LONGS * i);
            s[i].writeMontgomery(fs, 4 * i);
        }
        long[] before = fs.clone();
        G1Jacobian expected = bases.expected(s);
        assertThat(Msm.g1(fp, fs, n)).isEqualTo(expected);
        assertThat(Msm.g1Sequential(fp, fs, n)).isEqualTo(expected);
        assertThat(fs).as("scalars are not modified").isEqualTo(before);
        assertThat(Msm.g1(fp, fs, n - 1)).as("prefix").isEqualTo(bases.expected(java.util.Arrays.copyOf(s, n - 1)));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Pippenger.Split.class)
    void bothParallelSplitsMatchTheOracle(Pippenger.Split split) {
        int n = 1200;
        SplittableRandom rng = Seeds.rng("msm-split-" + split);
        Bases bases = Bases.of(n, rng);
        Fr[] s = scalars(n, i -> i % 2 == 0 ? Fr.random(rng) : Fr.of(rng.nextInt(1000) - 500));
        long[] fp = new long[G1Kernel.AFFINE_LONGS * n];
        long[] fs = new long[4 * n];
        for (int i = 0; i < n; i++) {
            bases.points()[i].writeMontgomery(fp, G1Kernel.AFFINE_LONGS * i);
            s[i].writeMontgomery(fs, 4 * i);
        }
        long[] r = Pippenger.msm(G1Kernel::new, PointSource.ofG1(fp), MsmScalars.fromMontgomery(fs, n), true, split);
        assertThat(G1Jacobian.wrap(r)).isEqualTo(bases.expected(s));
    }

    /** A source over an array that counts the points read and checks that every reader is closed. */
    static final class CountingSource implements PointSource {
        final PointSource inner;
        final java.util.concurrent.atomic.AtomicLong pointsRead = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicIntegerArray chunkReads = new java.util.concurrent.atomic.AtomicIntegerArray(64);
        final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

        CountingSource(PointSource inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public int longsPerPoint() {
            return inner.longsPerPoint();
        }

        @Override
        public Reader open() {
            open.incrementAndGet();
            Reader r = inner.open();
            return new Reader() {
                @Override
                public void read(int from, int count, long[] dst, int offset) {
                    pointsRead.addAndGet(count);
                    chunkReads.incrementAndGet(from / PointSource.CHUNK);
                    r.read(from, count, dst, offset);
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                    r.close();
                }
            };
        }
    }

    /**
     * Several chunks of the source with different scalar profiles: full-size scalars, only small ones
     * (skipped unread by the high windows), only zeros (never read), points at infinity, and a last
     * partial chunk; both splits and sequential agree with the oracle, and every reader is closed.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Pippenger.Split.class)
    void chunksAreReadOnlyByTheWindowsTheirScalarsReach(Pippenger.Split split) {
        int chunk = Pippenger.CHUNK;
        int n = 3 * chunk + 123;
        SplittableRandom rng = Seeds.rng("msm-chunks-" + split);
        Bases bases = Bases.of(n, rng);
        G1Affine[] points = bases.points().clone();
        Fr[] logs = bases.logs().clone();
        for (int i = 5; i < n; i += 997) {
            points[i] = G1Affine.INFINITY;
            logs[i] = Fr.ZERO;
        }
        Fr[] s = scalars(n, i -> switch (i / chunk) {
            case 0 -> Fr.random(rng);
            case 1 -> Fr.of(rng.nextInt(64) - 32);
            case 2 -> Fr.ZERO;
            default -> rng.nextBoolean() ? Fr.random(rng) : Fr.of(-1);
        });
        long[] fp = new long[G1Kernel.AFFINE_LONGS * n];
        long[] fs = new long[4 * n];
        for (int i = 0; i < n; i++) {
            points[i].writeMontgomery(fp, G1Kernel.AFFINE_LONGS * i);
            s[i].writeMontgomery(fs, 4 * i);
        }
        G1Jacobian expected = new Bases(points, logs).expected(s);
        MsmScalars prepared = MsmScalars.fromMontgomery(fs, n);
        CountingSource source = new CountingSource(PointSource.ofG1(fp));
        long[] r = Pippenger.msm(G1Kernel::new, source, prepared, true, split);
        assertThat(G1Jacobian.wrap(r)).isEqualTo(expected);
        assertThat(source.open.get()).as("readers left open").isZero();
        Pippenger.Profile profile = Pippenger.Profile.of(prepared,
                Pippenger.presentPoints(new G1Kernel(), PointSource.ofG1(fp), false));
        assertThat(profile.count()).as("points at infinity are left out").isLessThan(n - chunk - 12);
        int c = Pippenger.windowBits(profile.atLeast(), profile.maxBits());
        int windows = profile.maxBits() / c + 1;
        assertThat(c).as("chunk 1's scalars (≤ 6 bits) stay in window 0").isGreaterThan(6);
        CountingSource sequential = new CountingSource(PointSource.ofG1(fp));
        assertThat(G1Jacobian.wrap(Pippenger.msm(G1Kernel::new, sequential, prepared, false, null)))
                .isEqualTo(expected);
        for (CountingSource counted : List.of(source, sequential)) {
            // Every chunk once to find the points at infinity; then chunks 0 and 3 once per pass over the
            // windows, chunk 1 only in the pass with window 0, chunk 2 (zero scalars) never.
            int passes = counted.chunkReads.get(0) - 1;
            assertThat(passes).isBetween((windows + Pippenger.WINDOWS_PER_PASS - 1) / Pippenger.WINDOWS_PER_PASS,
                    windows);
            assertThat(counted.chunkReads.get(3)).isEqualTo(passes + 1);
            assertThat(counted.chunkReads.get(1)).isEqualTo(2);
            assertThat(counted.chunkReads.get(2)).isEqualTo(1);
            assertThat(counted.pointsRead.get()).isEqualTo(n + (long) passes * (chunk + 123) + chunk);
        }
        assertThat(sequential.chunkReads.get(0))
                .isEqualTo(1 + (windows + Pippenger.WINDOWS_PER_PASS - 1) / Pippenger.WINDOWS_PER_PASS);
    }

    /**
     * The first chunk fails at once, the others only after a while: the MSM must still return only
     * when every task has closed its reader (a parallel stream alone rethrows the first failure while
     * the other tasks run on), with the first failure and the later ones suppressed in it.
     */
    @Test
    void aFailingSourcePropagatesItsErrorAndClosesItsReaders() {
        int n = 4 * Pippenger.CHUNK;
        SplittableRandom rng = Seeds.rng("msm-failing");
        long[] fs = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.random(rng).writeMontgomery(fs, 4 * i);
        }
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        PointSource failing = new PointSource() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int longsPerPoint() {
                return G1Kernel.AFFINE_LONGS;
            }

            @Override
            public Reader open() {
                open.incrementAndGet();
                return new Reader() {
                    @Override
                    public void read(int from, int count, long[] dst, int offset) {
                        if (from != 0) {
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        throw new IllegalStateException("point " + from + " is unreadable");
                    }

                    @Override
                    public void close() {
                        open.decrementAndGet();
                    }
                };
            }
        };
        assertThatThrownBy(() -> Msm.g1(failing, MsmScalars.fromMontgomery(fs, n)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is unreadable");
        assertThat(open.get()).as("readers still open when the MSM returned").isZero();
    }

    @Test
    void runTasksRunsEveryTaskOnceAndThrowsTheFirstFailureWithTheOthersSuppressed() {
        for (boolean parallel : new boolean[] {false, true}) {
            java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(64);
            Pippenger.runTasks(64, parallel, runs::incrementAndGet);
            for (int t = 0; t < 64; t++) {
                assertThat(runs.get(t)).as("task %s", t).isEqualTo(1);
            }
            assertThatThrownBy(() -> Pippenger.runTasks(2, parallel, t -> {
                throw new IllegalStateException("task " + t);
            })).isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getSuppressed().length).isLessThanOrEqualTo(1));
        }
    }

    /**
     * Task 1 fails once task 0 has started; task 0 is still busy then. runTasks returns only after task
     * 0 has ended (a parallel stream alone rethrows at once: the calling thread runs task 1 and a pool
     * thread task 0, which would still hold its reader of the points).
     */
    @Test
    void runTasksWaitsForTheOtherTasksWhenOneFails() {
        for (boolean parallel : new boolean[] {false, true}) {
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            assertThatThrownBy(() -> Pippenger.runTasks(2, parallel, t -> {
                if (t == 0) {
                    started.countDown();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.set(true);
                    return;
                }
                try {
                    started.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("task 1 failed");
            })).hasMessage("task 1 failed");
            assertThat(finished).as("task 0 had ended when runTasks returned (parallel: %s)", parallel).isTrue();
        }
    }

    @Test
    void preparedScalarsKeepTheirValuesAndSlicesShareThem() {
        SplittableRandom rng = Seeds.rng("msm-scalars");
        int n = 50;
        Fr[] s = scalars(n, i -> i % 3 == 0 ? Fr.of(-i) : Fr.random(rng));
        long[] mont = new long[4 * n];
        long[] std = new long[4 * n];
        for (int i = 0; i < n; i++) {
            s[i].writeMontgomery(mont, 4 * i);
            System.arraycopy(io.zkml4j.algebra.internal.MontgomeryKernel.toLimbs(s[i].toBigInteger()), 0, std, 4 * i, 4);
        }
        long[] montBefore = mont.clone();
        MsmScalars a = MsmScalars.fromMontgomery(mont, n);
        MsmScalars b = MsmScalars.fromStandard(std, n);
        assertThat(mont).isEqualTo(montBefore);
        MsmScalars c = MsmScalars.fromMontgomeryInPlace(mont, n);
        for (int i = 0; i < n; i++) {
            assertThat(a.get(i)).isEqualTo(s[i]);
            assertThat(b.get(i)).isEqualTo(s[i]);
            assertThat(c.get(i)).isEqualTo(s[i]);
        }
        MsmScalars tail = a.slice(10, 30);
        assertThat(tail.size()).isEqualTo(30);
        assertThat(tail.get(0)).isEqualTo(s[10]);
        assertThat(tail.slice(5, 2).get(1)).isEqualTo(s[16]);
        assertThatThrownBy(() -> a.slice(40, 11)).isInstanceOf(IndexOutOfBoundsException.class);
        Bases bases = Bases.of(n, rng);
        G1Affine[] sub = java.util.Arrays.copyOfRange(bases.points(), 10, 40);
        long[] fp = new long[G1Kernel.AFFINE_LONGS * 30];
        for (int i = 0; i < 30; i++) {
            sub[i].writeMontgomery(fp, G1Kernel.AFFINE_LONGS * i);
        }
        assertThat(Msm.g1(PointSource.ofG1(fp), tail))
                .isEqualTo(new Bases(sub, java.util.Arrays.copyOfRange(bases.logs(), 10, 40))
                        .expected(java.util.Arrays.copyOfRange(s, 10, 40)));
        assertThatThrownBy(() -> Msm.g1(PointSource.ofG1(fp), a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 points and 50 scalars");
    }

    @Test
    void mismatchedOrShortInputsAreRejected() {
        assertThatThrownBy(() -> Msm.g1(new G1Affine[2], new Fr[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 points and 3 scalars");
        assertThatThrownBy(() -> Msm.g1(new long[8], new long[8], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected 2 points");
        long[] points = new long[16];
        G1Affine.GENERATOR.writeMontgomery(points, 0);
        G1Affine.GENERATOR.writeMontgomery(points, 8);
        long[] scalars = new long[8];
        Fr.ONE.writeMontgomery(scalars, 0);
        System.arraycopy(io.zkml4j.algebra.internal.MontgomeryKernel.toLimbs(Bn254.R), 0, scalars, 4, 4);
        assertThatThrownBy(() -> Msm.g1(points, scalars, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scalar 1");
    }

    @Test
    void signedDigitsReconstructTheScalar() {
        SplittableRandom rng = Seeds.rng("msm-digits");
        for (int trial = 0; trial < 300; trial++) {
            BigInteger v = new BigInteger(253, new java.util.Random(rng.nextLong()));
            long[] limbs = io.zkml4j.algebra.internal.MontgomeryKernel.toLimbs(v);
            long[] negated = limbs.clone();
            negated[3] |= MsmScalars.NEGATE;     // the flag is no bit of the value: digits negate, nothing else
            int c = 1 + rng.nextInt(20);
            int windows = v.bitLength() / c + 1;
            BigInteger sum = BigInteger.ZERO;
            for (int w = windows - 1; w >= 0; w--) {
                int d = Pippenger.digit(limbs, 0, w, c);
                assertThat(Math.abs(d)).isLessThanOrEqualTo(1 << (c - 1));
                assertThat(Pippenger.signedDigit(negated, 0, w, c)).isEqualTo(-d);
                sum = sum.shiftLeft(c).add(BigInteger.valueOf(d));
            }
            assertThat(sum).as("c = %s", c).isEqualTo(v);
        }
    }

    // ---- G2 ------------------------------------------------------------------------------------

    /** G2 points {@code [a + i·b]G2} with their discrete logs. */
    record Bases2(G2Affine[] points, Fr[] logs) {
        static Bases2 of(int n, SplittableRandom rng) {
            Fr a = Fr.random(rng), b = Fr.random(rng);
            G2Jacobian step = G2Jacobian.GENERATOR.mul(b);
            G2Jacobian[] jac = new G2Jacobian[n];
            Fr[] logs = new Fr[n];
            G2Jacobian cur = G2Jacobian.GENERATOR.mul(a);
            Fr log = a;
            for (int i = 0; i < n; i++) {
                jac[i] = cur;
                logs[i] = log;
                cur = cur.add(step);
                log = log.add(b);
            }
            return new Bases2(G2Jacobian.toAffine(jac), logs);
        }

        G2Jacobian expected(Fr[] scalars) {
            Fr e = Fr.ZERO;
            for (int i = 0; i < scalars.length; i++) {
                e = e.add(scalars[i].mul(logs[i]));
            }
            return G2Jacobian.GENERATOR.mul(e);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 17, 100, 300, 1000})
    void g2RandomScalarsMatchTheDiscreteLogOracle(int n) {
        SplittableRandom rng = Seeds.rng("msm2-random-" + n);
        Bases2 bases = Bases2.of(n, rng);
        Fr[] s = scalars(n, i -> Fr.random(rng));
        assertThat(Msm.g2(bases.points(), s)).isEqualTo(bases.expected(s));
    }

    @Test
    void g2IndependentPointsMatchTheNaiveSum() {
        SplittableRandom rng = Seeds.rng("msm2-naive");
        int n = 9;
        G2Affine[] p = new G2Affine[n];
        Fr[] s = new Fr[n];
        G2Jacobian naive = G2Jacobian.INFINITY;
        for (int i = 0; i < n; i++) {
            p[i] = G2Affine.GENERATOR.mul(Fr.random(rng));
            s[i] = i % 3 == 0 ? Fr.of(i - 4) : Fr.random(rng);
            naive = naive.add(p[i].toJacobian().mul(s[i]));
        }
        assertThat(Msm.g2(p, s)).isEqualTo(naive);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {17, 200})
    void g2WitnessLikeZeroAndOneScalarsMatchTheOracle(int n) {
        SplittableRandom rng = Seeds.rng("msm2-witness-" + n);
        Bases2 bases = Bases2.of(n, rng);
        Fr[] w = scalars(n, i -> switch (rng.nextInt(5)) {
            case 0, 1 -> Fr.ZERO;
            case 2 -> Fr.ONE;
            case 3 -> Fr.of(rng.nextInt(1000) - 500);
            default -> Fr.random(rng);
        });
        assertThat(Msm.g2(bases.points(), w)).isEqualTo(bases.expected(w));
        assertThat(Msm.g2(bases.points(), scalars(n, i -> Fr.ZERO)).isInfinity()).isTrue();
        Fr[] ones = scalars(n, i -> Fr.ONE);
        assertThat(Msm.g2(bases.points(), ones)).isEqualTo(bases.expected(ones));
        assertThat(Msm.g2(new G2Affine[0], new Fr[0]).isInfinity()).isTrue();
    }
}
