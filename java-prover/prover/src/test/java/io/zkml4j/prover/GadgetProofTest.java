package io.zkml4j.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.testing.GadgetCase;
import io.zkml4j.circuit.testing.GadgetCases;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.ProofWithPublicSignals;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tier 3: every gadget case through a real Groth16 setup, prove and verify. Honest proofs verify
 * (and fail against altered public signals); for every attack the checking prover refuses, naming
 * the constraint, and a proof made from the dishonest witness without the check does not verify.
 * Keys come from the development setup ({@link Prover#setupDev}).
 */
@Tag("prover")
class GadgetProofTest {

    static Stream<GadgetCase> cases() {
        return GadgetCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void honestProofsVerifyAndEveryAttackIsRefused(GadgetCase c) {
        Prover.Keys keys = Prover.setupDev(c.circuit());
        assertThat(Prover.requiredPower(keys.r1cs())).isLessThanOrEqualTo(8);

        ProofWithPublicSignals honest = Prover.prove(keys, c.circuit());
        assertThat(honest.publicSignals()).isEqualTo(c.outputs());
        assertThat(Prover.verify(keys.verifyingKey(), honest.publicSignals(), honest.proof())).isTrue();
        var altered = new java.util.ArrayList<>(honest.publicSignals());
        altered.set(0, altered.get(0).add(io.zkml4j.algebra.field.Fr.ONE));
        assertThat(Prover.verify(keys.verifyingKey(), altered, honest.proof())).isFalse();

        for (GadgetCase.Attack a : c.attacks()) {
            R1csBuilder.Result dishonest = R1csBuilder.build(a.circuit(), a.overrides().get());
            assertThat(dishonest.r1cs()).as(a.description()).isEqualTo(keys.r1cs());
            assertThatThrownBy(() -> Prover.prove(keys, dishonest.witness())).as(a.description())
                    .isInstanceOf(Groth16Exception.class).hasMessageContaining("(" + a.failingName() + ")");
            ProofWithPublicSignals forged = Prover.proveUnchecked(keys, dishonest.witness());
            assertThat(Prover.verify(keys.verifyingKey(), forged.publicSignals(), forged.proof()))
                    .as(a.description()).isFalse();
            assertThat(Prover.verify(keys.verifyingKey(), honest.publicSignals(), forged.proof()))
                    .as(a.description()).isFalse();
        }
    }
}
