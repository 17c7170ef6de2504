package io.zkml4j.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.circuit.testing.GadgetCase;
import io.zkml4j.circuit.testing.GadgetCases;
import io.zkml4j.r1cs.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiers 1 and 2 for every gadget case: the honest run passes on the engine and the R1CS, with the
 * reference outputs and equal costs everywhere; every attack fails on the engine naming the
 * assertion, and the R1CS check names the same constraint. (Tier 3 is in the prover module.)
 */
class GadgetTiersTest {

    static Stream<GadgetCase> cases() {
        return GadgetCases.all().stream();
    }

    static Stream<Arguments> attacks() {
        return GadgetCases.all().stream().flatMap(c -> c.attacks().stream().map(a -> Arguments.of(c, a)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void honestRunPassesOnEngineAndR1cs(GadgetCase c) {
        TestEngine.Evaluation e = TestEngine.run(c.circuit());
        assertThat(e.outputs()).isEqualTo(c.outputs().subList(0, e.outputs().size()));

        R1csBuilder.Result r = R1csBuilder.build(c.circuit());
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).as(r.r1cs().check(r.witness()).message()).isTrue();
        assertThat(r.publicSignals()).isEqualTo(c.outputs());

        CountingBuilder.Counts counts = CountingBuilder.count(c.circuit());
        assertThat(counts.constraints()).isEqualTo(r.r1cs().numConstraints()).isEqualTo(e.constraints());
        assertThat(1 + counts.publicOutputs() + counts.publicInputs() + counts.privateInputs() + counts.witnesses())
                .isEqualTo(r.r1cs().numWires());
        assertThat(R1csBuilder.compile(c.circuit())).isEqualTo(r.r1cs());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void engineRejectsAttackNamingTheAssertion(GadgetCase c, GadgetCase.Attack a) {
        assertThatThrownBy(() -> TestEngine.run(a.circuit(), a.overrides().get()))
                .isInstanceOf(SynthesisException.class)
                .hasMessageStartingWith("Assertion failed: " + a.failingName() + ": ");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void r1csCheckNamesTheViolatedConstraint(GadgetCase c, GadgetCase.Attack a) {
        R1csBuilder.Result r = R1csBuilder.build(a.circuit(), a.overrides().get());
        CheckResult check = r.r1cs().check(r.witness());
        assertThat(check).isInstanceOf(CheckResult.ConstraintViolated.class);
        assertThat(((CheckResult.ConstraintViolated) check).name()).contains(a.failingName());
        // The dishonest witness differs from the honest one only in what the override changed:
        // the constraints are the same system.
        assertThat(r.r1cs()).isEqualTo(R1csBuilder.compile(a.circuit()));
    }
}
