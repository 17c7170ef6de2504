package io.zkml4j.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.testing.GadgetCase;
import io.zkml4j.circuit.testing.GadgetCases;
import io.zkml4j.circuit.testing.Runs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness and uniqueness of hinted values: for each gadget case, seeded random replacements of
 * random outputs of random hint calls (bit flips, small values, ±1, random field elements). A run
 * the engine accepts must produce the honest public outputs, and must have received the honest
 * hint values back, with one documented exception: {@code isZero}'s auxiliary inverse, which is
 * free when the input is 0 (the result is pinned regardless). A perturbed witness must also fail
 * the R1CS check.
 */
class HintFuzzTest {

    private static final int TRIALS = 150;

    static Stream<GadgetCase> cases() {
        return GadgetCases.all().stream().filter(c -> !TestEngine.run(c.circuit()).hintCalls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noChangedHintValueIsAccepted(GadgetCase c) {
        RandomGenerator rng = Runs.rng("fuzz " + c.name());
        TestEngine.Evaluation e0 = TestEngine.run(c.circuit());
        Map<String, Integer> calls = e0.hintCalls();
        List<Fr> honest = e0.outputs();
        List<String> ids = new ArrayList<>(calls.keySet());
        int rejected = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = ids.get(rng.nextInt(ids.size()));
            int call = rng.nextInt(calls.get(id));
            int kind = rng.nextInt(5);
            long salt = rng.nextLong();
            boolean[] changed = new boolean[1];
            boolean[] freeAuxiliary = new boolean[1];
            HintOverrides o = HintOverrides.of(id, call, v -> {
                if (v.length == 0) {
                    return v;
                }
                int i = (int) Math.floorMod(salt, (long) v.length);
                Fr old = v[i];
                // isZero's outputs are (m, z); m is free exactly when the input is 0 (honest z = 1).
                freeAuxiliary[0] = id.equals("api.isZero.v1") && i == 0 && v[1].isOne();
                v[i] = switch (kind) {
                    case 0 -> old.isZero() ? Fr.ONE : Fr.ZERO;
                    case 1 -> old.add(Fr.ONE);
                    case 2 -> old.sub(Fr.ONE);
                    case 3 -> Fr.of(Math.floorMod(salt >> 8, 5L) - 2);
                    default -> Fr.reduce(BigInteger.valueOf(salt).shiftLeft(190).add(BigInteger.valueOf(salt)));
                };
                changed[0] = !v[i].equals(old);
                return v;
            });
            boolean accepted;
            try {
                List<Fr> outputs = TestEngine.run(c.circuit(), o).outputs();
                assertThat(outputs).as("trial %d: %s call %d accepted with other outputs", trial, id, call)
                        .isEqualTo(honest);
                accepted = true;
            } catch (SynthesisException e) {
                assertThat(e.getMessage()).startsWith("Assertion failed: ");
                accepted = false;
                rejected++;
            }
            if (!freeAuxiliary[0]) {
                assertThat(accepted && changed[0]).as("trial %d: %s call %d changed and accepted", trial, id, call)
                        .isFalse();
            }
            if (trial % 10 == 0 && !freeAuxiliary[0]) {
                HintOverrides again = HintOverrides.of(id, call, v -> {
                    if (v.length == 0) {
                        return v;
                    }
                    int i = (int) Math.floorMod(salt, (long) v.length);
                    v[i] = v[i].add(Fr.ONE);
                    return v;
                });
                R1csBuilder.Result r = R1csBuilder.build(c.circuit(), again);
                assertThat(r.r1cs().check(r.witness()).isSatisfied()).as("trial %d on the R1CS", trial).isFalse();
            }
        }
        assertThat(rejected).isPositive();
    }
}
