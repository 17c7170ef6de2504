package io.zkml4j.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.r1cs.R1cs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DSL itself: folding, free linear operations, costs, wire order, naming, hints and overrides. */
class CircuitApiTest {

    @Test
    void constantsFoldAndLinearOperationsAreFree() {
        CountingBuilder.Counts c = CountingBuilder.count(api -> {
            Var x = api.privateInput("x", null);
            Var k = api.mul(api.constant(6), api.constant(7));
            assertThat(k.constantValue()).contains(Fr.of(42));
            Var lin = api.sub(api.add(api.mulConst(x, 3), api.mul(k, x)), api.divConst(api.neg(x), Fr.of(2)));
            assertThat(lin.terms()).isEqualTo(1);
            api.assertEqual(api.constant(5), api.add(api.constant(2), api.constant(3)));
            api.assertBool(api.constant(1));
            api.isZero(api.constant(0));
            api.select(api.constant(true), x, api.constant(9));
        });
        assertThat(c.constraints()).isZero();
        assertThat(c.witnesses()).isZero();
    }

    @Test
    void arithmeticAndBooleansComputeTheirValues() {
        List<Fr> out = Runs.outputs(api -> {
            Var a = api.privateInput("a", 12);
            Var b = api.privateInput("b", -5);
            BoolVar t = api.assertBool(api.privateInput("t", 1));
            BoolVar f = api.assertBool(api.privateInput("f", 0));
            api.publicOutput("mul", api.mul(a, b));
            api.publicOutput("div", api.div(a, b));
            api.publicOutput("divConst", api.mulConst(api.divConst(a, Fr.of(4)), 4));
            api.publicOutput("and", api.and(t, f));
            api.publicOutput("or", api.or(t, f));
            api.publicOutput("xor", api.xor(t, t));
            api.publicOutput("not", api.not(f));
            api.publicOutput("select", api.select(f, a, b));
            api.publicOutput("isEqual", api.isEqual(api.add(a, b), api.constant(7)));
            api.publicOutput("sum", api.sum(List.of(a, b, api.constant(3))));
        });
        assertThat(out).containsExactly(Fr.of(-60), Fr.of(12).mul(Fr.of(-5).inverse()), Fr.of(12), Fr.ZERO, Fr.ONE,
                Fr.ZERO, Fr.ONE, Fr.of(-5), Fr.ONE, Fr.of(10));
    }

    @Test
    void linearCombinationsMergeRepeatedVariablesAndAreFree() {
        java.util.random.RandomGenerator rng = Runs.rng("lincomb");
        long[] xs = new long[300];
        long[] ws = new long[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rng.nextLong(-1000, 1000);
            ws[i] = rng.nextLong(-50, 50);
        }
        Circuit c = api -> {
            List<Var> in = new java.util.ArrayList<>();
            List<Fr> w = new java.util.ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                // Every third input repeats the previous variable plus a constant, so ids repeat.
                in.add(i % 3 == 2 ? api.addConst(in.get(i - 1), 7) : api.privateInput("x", xs[i]));
                w.add(Fr.of(ws[i]));
            }
            Var dot = api.linearCombination(in, w);
            api.publicOutput("dot", dot);
            api.publicOutput("sum", api.sum(in));
            // The same form built by repeated additions: the difference folds to the constant 0, so
            // this assertion costs nothing (a different form would cost a constraint or fail).
            Var incremental = api.constant(0);
            for (int i = 0; i < in.size(); i++) {
                incremental = api.add(incremental, api.mulConst(in.get(i), w.get(i)));
            }
            api.assertEqual(dot, incremental);
        };
        long dot = 0;
        long sum = 0;
        long prev = 0;
        for (int i = 0; i < xs.length; i++) {
            long v = i % 3 == 2 ? prev + 7 : xs[i];
            dot += ws[i] * v;
            sum += v;
            prev = v;
        }
        assertThat(Runs.outputs(c)).containsExactly(Fr.of(dot), Fr.of(sum));
        assertThat(CountingBuilder.count(c).constraints()).isEqualTo(2);
        assertThatThrownBy(() -> CountingBuilder.count(api -> api.linearCombination(List.of(api.constant(1)),
                List.of()))).isInstanceOf(SynthesisException.class);
    }

    @Test
    void countsByOutermostNamespaceSumToTheTotalAndSkipFoldedConstants() {
        Circuit c = api -> {
            Var x = api.privateInput("x", null);
            try (var a = api.namespace("a")) {
                Var sq = api.mul(x, x);
                try (var b = api.namespace("b")) {
                    api.mul(sq, x);
                }
                api.mul(api.constant(2), api.constant(3)); // folded: free
            }
            try (var z = api.namespace("z")) {
                api.mul(api.constant(0), api.constant(5));
            }
            api.publicOutput("y", api.mul(x, api.constant(1)));
            try (var a = api.namespace("a")) {
                api.assertBool(x);
            }
        };
        assertThat(CountingBuilder.countByNamespace(c)).containsExactly(
                java.util.Map.entry("a", 3), java.util.Map.entry("", 1));
        assertThat(CountingBuilder.count(c).constraints()).isEqualTo(4);
    }

    @Test
    void wiresFollowCircomOrderOutputsThenPublicThenPrivate() {
        R1csBuilder.Result r = R1csBuilder.build(api -> {
            Var p = api.privateInput("secret", 3);
            Var in = api.publicInput("in", 4);
            Var prod = api.mul(p, in);
            api.publicOutput("out", prod);
            api.publicInput("in2", 5);
        });
        R1cs cs = r.r1cs();
        assertThat(cs.numPublicOutputs()).isEqualTo(1);
        assertThat(cs.numPublicInputs()).isEqualTo(2);
        assertThat(cs.numPrivateInputs()).isEqualTo(1);
        assertThat(r.wireNames()).containsExactly("one", "out", "in", "in2", "secret", "mul");
        assertThat(r.publicSignals()).containsExactly(Fr.of(12), Fr.of(4), Fr.of(5));
        assertThat(r.witness().get(4)).isEqualTo(Fr.of(3));
    }

    @Test
    void exportRoundTripsThroughTheCircomFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        R1csBuilder.Result r = R1csBuilder.build(io.zkml4j.circuit.testing.GadgetCases.reluRescale().circuit());
        java.nio.file.Path r1cs = dir.resolve("c.r1cs");
        java.nio.file.Path wtns = dir.resolve("w.wtns");
        r.export(r1cs, wtns);
        assertThat(io.zkml4j.r1cs.R1csFile.read(r1cs)).isEqualTo(r.r1cs().withoutNames());
        assertThat(io.zkml4j.r1cs.WtnsFile.read(wtns)).isEqualTo(r.witness());
    }

    @Test
    void namespacesNameConstraintsInEngineAndR1cs() {
        Circuit c = api -> {
            Var x = api.privateInput("x", 2);
            try (var outer = api.namespace("dense_1")) {
                try (var inner = api.namespace("row3")) {
                    api.assertBool(x, "isBit");
                }
            }
        };
        assertThatThrownBy(() -> TestEngine.run(c)).isInstanceOf(SynthesisException.class)
                .hasMessage("Assertion failed: dense_1/row3/isBit: a·b = 2·1 = 2 ≠ c = 0");
        assertThat(Runs.failure(c)).contains("dense_1/row3/isBit");
    }

    @Test
    void constantAssertionsFailAtDefinitionTime() {
        assertThatThrownBy(() -> CountingBuilder.count(api -> api.assertEqual(api.constant(3), api.constant(4))))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("fails on constants: 3 ≠ 4");
        assertThatThrownBy(() -> R1csBuilder.compile(api -> api.assertBool(api.constant(2))))
                .isInstanceOf(SynthesisException.class);
        assertThatThrownBy(() -> TestEngine.run(api -> api.inverse(api.constant(0))))
                .isInstanceOf(SynthesisException.class);
        assertThatThrownBy(() -> TestEngine.run(api -> api.divConst(api.privateInput("x", 1), Fr.ZERO)))
                .isInstanceOf(SynthesisException.class);
    }

    @Test
    void assertNonZeroAndInverseAreUnsatisfiableOnZero() {
        assertThat(Runs.failure(api -> api.assertNonZero(api.privateInput("x", 0)))).contains("assertNonZero");
        assertThat(Runs.failure(api -> api.inverse(api.privateInput("x", 0)))).contains("inverse");
        assertThat(Runs.failure(api -> api.assertNonZero(api.privateInput("x", -7)))).isEmpty();
    }

    @Test
    void hintsNeedARegisteredIdAndOverridesMustBeApplied() {
        assertThatThrownBy(() -> TestEngine.run(api -> api.hint("no.such.hint.v1", 1, api.constant(1))))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("no.such.hint.v1");
        Circuit oneInverse = api -> api.inverse(api.privateInput("x", 5));
        assertThatThrownBy(() -> TestEngine.run(oneInverse, HintOverrides.of("api.inverse.v1", 1, v -> v)))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("never applied");
        assertThat(TestEngine.run(oneInverse, HintOverrides.of("api.inverse.v1", 0, v -> v)).constraints())
                .isEqualTo(1);
        assertThatThrownBy(() -> HintRegistry.register("api.inverse.v1", (in, n) -> in))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @Test
    void valuesOfAnotherRunAreRejected() {
        Var[] leaked = new Var[1];
        TestEngine.run(api -> leaked[0] = api.privateInput("x", 3));
        assertThatThrownBy(() -> R1csBuilder.build(api -> api.mul(api.privateInput("y", 2), leaked[0])))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("another circuit");
        assertThatThrownBy(() -> CountingBuilder.count(api -> api.add(api.privateInput("y", null), leaked[0])))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("different circuits");
        assertThatThrownBy(() -> CountingBuilder.count(api -> api.assertBool(leaked[0])))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("another circuit");
    }

    @Test
    void missingInputValuesAreReportedWhenComputing() {
        assertThatThrownBy(() -> R1csBuilder.build(api -> api.privateInput("x", null)))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("'x'");
        assertThat(R1csBuilder.compile(api -> api.mul(api.privateInput("x", null), api.privateInput("y", null)))
                .numConstraints()).isEqualTo(1);
    }
}
