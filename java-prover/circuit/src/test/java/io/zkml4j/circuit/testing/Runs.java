package io.zkml4j.circuit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.TestEngine;
import io.zkml4j.r1cs.CheckResult;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Runs circuits on tiers 1 and 2 and checks they agree. */
public final class Runs {

    private Runs() {
    }

    /** The seeded generator every random test uses ({@code -Dzkml.test.seed=N} to reproduce). */
    public static RandomGenerator rng(String salt) {
        long seed = Long.getLong("zkml.test.seed", 20261121L) ^ salt.hashCode();
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** Outputs of an honest run, after checking the engine and the R1CS agree and the witness satisfies it. */
    public static List<Fr> outputs(Circuit c) {
        TestEngine.Evaluation e = TestEngine.run(c);
        R1csBuilder.Result r = R1csBuilder.build(c);
        CheckResult check = r.r1cs().check(r.witness());
        assertThat(check.isSatisfied()).as(check.message()).isTrue();
        assertThat(r.witness().values(1, 1 + e.outputs().size())).isEqualTo(e.outputs());
        return e.outputs();
    }

    /** The failure of {@code c}, if the engine and the R1CS both reject it (naming the same constraint). */
    public static Optional<String> failure(Circuit c) {
        String engine;
        try {
            TestEngine.run(c);
            engine = null;
        } catch (SynthesisException e) {
            engine = e.getMessage();
        }
        R1csBuilder.Result r = R1csBuilder.build(c);
        CheckResult check = r.r1cs().check(r.witness());
        if (engine == null) {
            assertThat(check.isSatisfied()).as("engine passed but R1CS: " + check.message()).isTrue();
            return Optional.empty();
        }
        assertThat(check).isInstanceOf(CheckResult.ConstraintViolated.class);
        String name = ((CheckResult.ConstraintViolated) check).name().orElseThrow();
        assertThat(engine).startsWith("Assertion failed: " + name + ": ");
        return Optional.of(name);
    }
}
