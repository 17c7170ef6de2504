package io.zkml4j.circuit.gadgets;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.poseidon.Poseidon;
import io.zkml4j.circuit.poseidon.PoseidonParameters;
import java.util.Arrays;
import java.util.List;

/**
 * Poseidon in a circuit, computing exactly {@link Poseidon#hash} (hence circomlib's
 * {@code Poseidon(nInputs)}). Round constants and the MDS layer are linear, hence free; each
 * {@code x⁵} S-box costs 3 constraints ({@code x²}, {@code x⁴}, {@code x⁵}) unless its input is a
 * constant. With non-constant inputs only the capacity element's first S-box folds, so
 * <b>cost = 3·(8·t + R_P) − 3 constraints</b> and as many witnesses, {@code t = nInputs + 1}:
 * 213 (1 input), 240 (2), 261 (3), 297 (4), 321 (5), 354 (6). For comparison, circom 2.2.3
 * compiles circomlib 2.0.5's {@code Poseidon(2)} to 240 constraints with {@code --O2}, and to 243
 * non-linear plus 274 linear ones with its default {@code --O1}, which keeps the capacity
 * element's first S-box (measured; Poseidon(1): 216, Poseidon(5): 324 non-linear at --O1). No hint:
 * every value is a product of pinned values. No precondition.
 */
public final class PoseidonGadget {

    private final CircuitApi api;

    public PoseidonGadget(CircuitApi api) {
        this.api = api;
    }

    /** The hash of 1 to 16 values. */
    public Var hash(Var... inputs) {
        return hash(Arrays.asList(inputs));
    }

    /** The hash of 1 to 16 values. */
    public Var hash(List<? extends Var> inputs) {
        if (inputs.isEmpty() || inputs.size() > PoseidonParameters.MAX_INPUTS) {
            throw new SynthesisException("Poseidon takes 1 to " + PoseidonParameters.MAX_INPUTS + " inputs but got "
                    + inputs.size());
        }
        PoseidonParameters p = PoseidonParameters.forInputs(inputs.size());
        int t = p.width();
        try (var ns = api.namespace("poseidon" + inputs.size())) {
            Var[] state = new Var[t];
            state[0] = api.constant(0);
            for (int i = 1; i < t; i++) {
                state[i] = inputs.get(i - 1);
            }
            for (int r = 0; r < p.rounds(); r++) {
                try (var round = api.namespace("round" + r)) {
                    for (int i = 0; i < t; i++) {
                        state[i] = api.addConst(state[i], p.roundConstant(r, i));
                    }
                    if (p.isFullRound(r)) {
                        for (int i = 0; i < t; i++) {
                            state[i] = pow5(state[i]);
                        }
                    } else {
                        state[0] = pow5(state[0]);
                    }
                    Var[] next = new Var[t];
                    for (int i = 0; i < t; i++) {
                        Var acc = api.constant(0);
                        for (int j = 0; j < t; j++) {
                            acc = api.add(acc, api.mulConst(state[j], p.mds(i, j)));
                        }
                        next[i] = acc;
                    }
                    state = next;
                }
            }
            return state[0];
        }
    }

    private Var pow5(Var x) {
        Var x2 = api.mul(x, x);
        Var x4 = api.mul(x2, x2);
        return api.mul(x4, x);
    }
}
