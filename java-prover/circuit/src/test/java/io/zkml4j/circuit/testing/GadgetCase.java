package io.zkml4j.circuit.testing;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.HintOverrides;
import java.util.List;
import java.util.function.Supplier;

/**
 * A small circuit exercising one gadget, its honest public outputs (from the integer reference),
 * and dishonest runs that every tier must reject, each naming the constraint that catches it.
 *
 * @param name     a short name for test displays
 * @param circuit  the honest circuit
 * @param outputs  the expected public signals of an honest run: outputs, then public inputs
 * @param attacks  dishonest runs
 */
public record GadgetCase(String name, Circuit circuit, List<Fr> outputs, List<Attack> attacks) {

    /**
     * A dishonest run: {@code circuit} (the honest one, or one with an out-of-range input) with
     * hint outputs replaced as {@code overrides} says.
     *
     * @param description    what the dishonest prover tries
     * @param circuit        the circuit to run
     * @param overrides      fresh overrides per run
     * @param failingName    the full name of the constraint that must catch it
     */
    public record Attack(String description, Circuit circuit, Supplier<HintOverrides> overrides, String failingName) {
        @Override
        public String toString() {
            return description;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
