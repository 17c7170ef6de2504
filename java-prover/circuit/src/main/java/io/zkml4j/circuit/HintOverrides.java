package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces the outputs of chosen hint calls with other values: how tests play the dishonest
 * prover. A call is identified by its hint id and its call index (0 for the first call of that id
 * in a run, 1 for the second...). The replacement receives the honest outputs and returns the
 * values to use instead.
 *
 * <p>Overrides change the witness only, never the constraints: that is exactly the freedom a real
 * malicious prover has, so a sound gadget must reject every override that changes its result.
 * The builders fail a run whose overrides were not all applied, so a "must fail" test cannot pass
 * by overriding a call that never happens. Mutable and not thread-safe; use one per run.
 */
public final class HintOverrides {

    private record Key(String id, int call) {
    }

    private final Map<Key, UnaryOperator<Fr[]>> overrides = new HashMap<>();
    private final Set<Key> applied = new HashSet<>();

    private HintOverrides() {
    }

    /** No overrides: the honest prover. */
    public static HintOverrides none() {
        return new HintOverrides();
    }

    /** Overrides call {@code call} of hint {@code id}; {@code replacement} maps honest outputs to new ones. */
    public static HintOverrides of(String id, int call, UnaryOperator<Fr[]> replacement) {
        return none().and(id, call, replacement);
    }

    /** Adds an override. */
    public HintOverrides and(String id, int call, UnaryOperator<Fr[]> replacement) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(replacement, "replacement");
        if (call < 0) {
            throw new IllegalArgumentException("Expected a call index >= 0 but got " + call);
        }
        overrides.put(new Key(id, call), replacement);
        return this;
    }

    /** Whether there is no override. */
    public boolean isEmpty() {
        return overrides.isEmpty();
    }

    /** Applies the override for ({@code id}, {@code call}) if any; returns the values to use. */
    Fr[] apply(String id, int call, Fr[] honest) {
        Key k = new Key(id, call);
        UnaryOperator<Fr[]> f = overrides.get(k);
        if (f == null) {
            return honest;
        }
        applied.add(k);
        Fr[] out = f.apply(honest.clone());
        if (out == null || out.length != honest.length) {
            throw new IllegalArgumentException("Override of hint " + id + " call " + call + " must return "
                    + honest.length + " values");
        }
        return out;
    }

    /** Throws unless every override was applied (called at the end of a run). */
    void requireAllApplied() {
        for (Key k : overrides.keySet()) {
            if (!applied.contains(k)) {
                throw new SynthesisException("Override of hint " + k.id() + " call " + k.call()
                        + " was never applied: the circuit makes fewer calls of that hint");
            }
        }
    }
}
