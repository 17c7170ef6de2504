package io.zkml4j.circuit.gadgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.testing.ReferenceOps;
import io.zkml4j.circuit.testing.Runs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every gadget against its integer reference ({@link ReferenceOps}) on seeded random inputs and
 * the edges (0, ±1, the bounds and one past them), on the engine and the R1CS at once. Values just
 * outside a gadget's documented range must make the circuit unsatisfiable.
 */
class GadgetEquivalenceTest {

    private static long signedIn(RandomGenerator rng, int bits) {
        return rng.nextLong(-(1L << (bits - 1)), 1L << (bits - 1));
    }

    private static List<Long> signedSamples(RandomGenerator rng, int bits, int n) {
        long lo = -(1L << (bits - 1));
        long hi = (1L << (bits - 1)) - 1;
        List<Long> xs = new ArrayList<>(List.of(0L, 1L, -1L, lo, lo + 1, hi, hi - 1));
        while (xs.size() < n) {
            xs.add(signedIn(rng, bits));
        }
        return xs;
    }

    private static long signed(Fr v) {
        return v.toSignedBigInteger().longValueExact();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 16, 32, 62})
    void toBitsMatchesBinaryDigitsAndRejectsOnePastTheTop(int n) {
        RandomGenerator rng = Runs.rng("toBits" + n);
        long top = (1L << n) - 1;
        List<Long> xs = new ArrayList<>(List.of(0L, 1L, top, top >> 1));
        for (int i = 0; i < 40; i++) {
            xs.add(rng.nextLong(0, 1L << n));
        }
        List<Fr> out = Runs.outputs(api -> {
            BitsGadget g = new BitsGadget(api);
            for (long x : xs) {
                BoolVar[] bits = g.toBits(api.privateInput("x", x), n);
                for (BoolVar b : bits) {
                    api.publicOutput("b", b);
                }
                api.publicOutput("back", g.fromBits(bits));
            }
        });
        int at = 0;
        for (long x : xs) {
            for (int i = 0; i < n; i++) {
                assertThat(out.get(at++)).isEqualTo(Fr.of((x >>> i) & 1));
            }
            assertThat(out.get(at++)).isEqualTo(Fr.of(x));
        }
        for (long bad : new long[] {1L << n, -1L, (1L << n) + 1}) {
            assertThat(Runs.failure(api -> new BitsGadget(api).toBits(api.privateInput("x", bad), n)))
                    .as("x = %d", bad).contains("toBits" + n + "/bit[" + (n - 1) + "]");
        }
    }

    @Test
    void toBitsAt253BitsAcceptsTheLargestValueAndRejectsTwoTo253() {
        BigInteger max = BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE);
        assertThat(Runs.outputs(api -> api.publicOutput("v",
                new BitsGadget(api).fromBits(new BitsGadget(api).toBits(api.privateInput("x", Fr.of(max)), 253)))))
                .containsExactly(Fr.of(max));
        assertThat(Runs.failure(api -> new BitsGadget(api).toBits(
                api.privateInput("x", Fr.of(BigInteger.ONE.shiftLeft(253))), 253))).isPresent();
    }

    @Test
    void signedRangeAcceptsExactlyTheWindow() {
        int n = 16;
        for (long v : new long[] {-(1L << 15), (1L << 15) - 1, 0, -1, 1}) {
            assertThat(Runs.failure(api -> new BitsGadget(api).assertInSignedRange(api.privateInput("x", v), n)))
                    .as("v = %d", v).isEmpty();
        }
        for (long v : new long[] {-(1L << 15) - 1, 1L << 15, 1L << 20, -(1L << 20)}) {
            assertThat(Runs.failure(api -> new BitsGadget(api).assertInSignedRange(api.privateInput("x", v), n)))
                    .as("v = %d", v).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 32})
    void comparisonsMatchLongComparison(int n) {
        RandomGenerator rng = Runs.rng("cmp" + n);
        List<Long> as = signedSamples(rng, n, 60);
        List<Long> bs = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            // Include equal and adjacent pairs.
            bs.add(i % 5 == 0 ? as.get(i) : i % 5 == 1 ? Math.max(as.get(i) - 1, -(1L << (n - 1)))
                    : signedIn(rng, n));
        }
        bs.set(3, (1L << (n - 1)) - 1);
        List<Fr> out = Runs.outputs(api -> {
            ComparisonGadget cmp = new ComparisonGadget(api, n);
            for (int i = 0; i < as.size(); i++) {
                Var a = api.privateInput("a", as.get(i));
                Var b = api.privateInput("b", bs.get(i));
                api.publicOutput("lt", cmp.isLess(a, b));
                api.publicOutput("le", cmp.isLessOrEqual(a, b));
                api.publicOutput("max", cmp.max(a, b));
                api.publicOutput("min", cmp.min(a, b));
            }
        });
        for (int i = 0; i < as.size(); i++) {
            long a = as.get(i);
            long b = bs.get(i);
            assertThat(out.subList(4 * i, 4 * i + 4)).as("a = %d, b = %d", a, b).containsExactly(
                    Fr.of(a < b ? 1 : 0), Fr.of(a <= b ? 1 : 0), Fr.of(Math.max(a, b)), Fr.of(Math.min(a, b)));
        }
    }

    @Test
    void assertLessAndLessOrEqualAcceptExactlyTheOrderedPairs() {
        long[][] pairs = {{-5, 3}, {3, 3}, {4, 3}, {-32768, 32767}, {32767, -32768}, {0, 1}};
        for (long[] p : pairs) {
            boolean lt = Runs.failure(api -> new ComparisonGadget(api, 16).assertLess(
                    api.privateInput("a", p[0]), api.privateInput("b", p[1]))).isEmpty();
            boolean le = Runs.failure(api -> new ComparisonGadget(api, 16).assertLessOrEqual(
                    api.privateInput("a", p[0]), api.privateInput("b", p[1]))).isEmpty();
            assertThat(lt).as("%d < %d", p[0], p[1]).isEqualTo(p[0] < p[1]);
            assertThat(le).as("%d <= %d", p[0], p[1]).isEqualTo(p[0] <= p[1]);
        }
    }

    @ParameterizedTest
    @CsvSource({"16, 8", "16, 1", "16, 15", "32, 16", "8, 0", "40, 3"})
    void floorDivMatchesMathFloorDivAndFloorMod(int width, int k) {
        RandomGenerator rng = Runs.rng("floorDiv" + width + "/" + k);
        List<Long> xs = signedSamples(rng, width, 50);
        List<Fr> out = Runs.outputs(api -> {
            FloorDivGadget g = new FloorDivGadget(api, width, k);
            for (long x : xs) {
                FloorDivGadget.Result r = g.divide(api.privateInput("x", x));
                api.publicOutput("q", r.quotient());
                api.publicOutput("r", r.remainder());
            }
        });
        for (int i = 0; i < xs.size(); i++) {
            long x = xs.get(i);
            assertThat(signed(out.get(2 * i))).as("q of %d", x).isEqualTo(ReferenceOps.floorDiv(x, k));
            assertThat(signed(out.get(2 * i + 1))).as("r of %d", x).isEqualTo(ReferenceOps.floorMod(x, k));
        }
        long lo = -(1L << (width - 1));
        for (long bad : new long[] {lo - 1, -lo}) {
            assertThat(Runs.failure(api -> new FloorDivGadget(api, width, k).divide(api.privateInput("x", bad))))
                    .as("x = %d", bad).isPresent();
        }
    }

    @Test
    void roundedDivisionRoundsHalfUp() {
        long[] xs = {-384, -383, -129, -128, -127, 0, 127, 128, 129, 383, 384};
        List<Fr> out = Runs.outputs(api -> {
            FloorDivGadget g = new FloorDivGadget(api, 16, 8);
            for (long x : xs) {
                api.publicOutput("q", g.divideRounded(api.privateInput("x", x)));
            }
        });
        for (int i = 0; i < xs.length; i++) {
            assertThat(signed(out.get(i))).as("x = %d", xs[i]).isEqualTo(Math.floorDiv(xs[i] + 128, 256));
        }
    }

    @ParameterizedTest
    @CsvSource({"16, 8", "32, 16", "8, 0", "12, 11", "24, 4"})
    void reluRescaleMatchesReference(int width, int k) {
        RandomGenerator rng = Runs.rng("relu" + width + "/" + k);
        List<Long> accs = signedSamples(rng, width, 60);
        List<Fr> out = Runs.outputs(api -> {
            ReluRescaleGadget g = new ReluRescaleGadget(api, width, k);
            for (long acc : accs) {
                api.publicOutput("y", g.apply(api.privateInput("acc", acc)));
            }
        });
        for (int i = 0; i < accs.size(); i++) {
            assertThat(signed(out.get(i))).as("acc = %d", accs.get(i))
                    .isEqualTo(ReferenceOps.reluRescale(accs.get(i), k))
                    .isLessThan(1L << (width - 1 - k));
        }
        long lo = -(1L << (width - 1));
        for (long bad : new long[] {lo - 1, -lo, -lo + 5}) {
            assertThat(Runs.failure(api -> new ReluRescaleGadget(api, width, k).apply(api.privateInput("a", bad))))
                    .as("acc = %d", bad).isPresent();
        }
    }

    @Test
    void argmaxMatchesLowestIndexOfMaximumWithManyTies() {
        RandomGenerator rng = Runs.rng("argmax");
        List<List<Long>> vectors = new ArrayList<>();
        vectors.add(List.of(-32768L, -32768L, -32768L));
        vectors.add(List.of(32767L, -32768L, 32767L));
        vectors.add(List.of(7L));
        for (int v = 0; v < 30; v++) {
            List<Long> xs = new ArrayList<>();
            int m = 1 + rng.nextInt(10);
            boolean ties = v % 2 == 0;
            for (int i = 0; i < m; i++) {
                xs.add(ties ? rng.nextLong(-3, 3) : signedIn(rng, 16));
            }
            vectors.add(xs);
        }
        Circuit c = api -> {
            ArgmaxGadget g = new ArgmaxGadget(api, 16);
            for (List<Long> xs : vectors) {
                List<Var> vars = new ArrayList<>();
                for (long x : xs) {
                    vars.add(api.privateInput("x", x));
                }
                ArgmaxGadget.Result r = g.argmax(vars);
                api.publicOutput("index", r.index());
                api.publicOutput("max", r.max());
                api.publicOutput("max2", g.max(vars));
                BoolVar[] hot = g.oneHot(r.index(), xs.size());
                for (BoolVar h : hot) {
                    api.publicOutput("hot", h);
                }
            }
        };
        List<Fr> out = Runs.outputs(c);
        int at = 0;
        for (List<Long> xs : vectors) {
            int expected = ReferenceOps.argmax(xs);
            long max = xs.get(expected);
            assertThat(out.get(at++)).as("%s", xs).isEqualTo(Fr.of(expected));
            assertThat(signed(out.get(at++))).isEqualTo(max);
            assertThat(signed(out.get(at++))).isEqualTo(max);
            for (int j = 0; j < xs.size(); j++) {
                assertThat(out.get(at++)).isEqualTo(Fr.of(j == expected ? 1 : 0));
            }
        }
    }
}
