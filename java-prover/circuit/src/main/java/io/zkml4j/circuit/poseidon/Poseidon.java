package io.zkml4j.circuit.poseidon;

import io.zkml4j.algebra.field.Fr;
import java.util.List;

/**
 * The Poseidon hash exactly as circomlib's {@code Poseidon(nInputs)} circuit and circomlibjs's
 * {@code poseidon(inputs)} compute it: state {@code [0, in₀, …, in_{n-1}]}; each round adds the
 * round constants, applies {@code x⁵} to every element (full rounds) or to element 0 (partial
 * rounds), then multiplies by the MDS matrix; the hash is state element 0. Parameters:
 * {@link PoseidonParameters}. Known answer (circomlibjs): {@code hash(1, 2) =
 * 7853200120776062878684798364095072458815029376092732009249414926327459813530}.
 */
public final class Poseidon {

    private Poseidon() {
    }

    /**
     * The hash of 1 to 16 field elements.
     *
     * @throws IllegalArgumentException for no input or more than 16
     */
    public static Fr hash(Fr... inputs) {
        PoseidonParameters p = PoseidonParameters.forInputs(inputs.length);
        int t = p.width();
        Fr[] state = new Fr[t];
        state[0] = Fr.ZERO;
        System.arraycopy(inputs, 0, state, 1, inputs.length);
        Fr[] next = new Fr[t];
        for (int r = 0; r < p.rounds(); r++) {
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(p.roundConstant(r, i));
            }
            if (p.isFullRound(r)) {
                for (int i = 0; i < t; i++) {
                    state[i] = pow5(state[i]);
                }
            } else {
                state[0] = pow5(state[0]);
            }
            for (int i = 0; i < t; i++) {
                Fr acc = Fr.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(p.mds(i, j).mul(state[j]));
                }
                next[i] = acc;
            }
            Fr[] tmp = state;
            state = next;
            next = tmp;
        }
        return state[0];
    }

    /** As {@link #hash(Fr...)}. */
    public static Fr hash(List<Fr> inputs) {
        return hash(inputs.toArray(new Fr[0]));
    }

    private static Fr pow5(Fr x) {
        return x.square().square().mul(x);
    }
}
