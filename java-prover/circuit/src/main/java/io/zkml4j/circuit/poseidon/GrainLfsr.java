package io.zkml4j.circuit.poseidon;

import java.math.BigInteger;

/**
 * The 80-bit Grain LFSR in self-shrinking mode that the Poseidon paper (Grassi, Khovratovich,
 * Rechberger, Roy, Schofnegger, "Poseidon: A New Hash Function for Zero-Knowledge Proof Systems",
 * USENIX Security 2021, eprint 2019/458, appendix on parameter generation) uses to derive round
 * constants and MDS matrices.
 *
 * <p>State: 80 bits initialised from the parameters, most significant first: field type (2 bits,
 * 1 = prime field), S-box type (4 bits, 0 = x^α), field size n (12), state width t (12), full
 * rounds R_F (10), partial rounds R_P (10), then 30 ones. Feedback
 * {@code b_{i+80} = b_{i+62} ⊕ b_{i+51} ⊕ b_{i+38} ⊕ b_{i+23} ⊕ b_{i+13} ⊕ b_i}. The first 160
 * output bits are discarded; afterwards bits are taken in pairs and the second bit of a pair is
 * emitted only when the first is 1.
 */
final class GrainLfsr {

    private final boolean[] state = new boolean[80];
    private int head;

    GrainLfsr(int fieldSizeBits, int t, int roundsFull, int roundsPartial) {
        int pos = 0;
        pos = load(pos, 1, 2);
        pos = load(pos, 0, 4);
        pos = load(pos, fieldSizeBits, 12);
        pos = load(pos, t, 12);
        pos = load(pos, roundsFull, 10);
        pos = load(pos, roundsPartial, 10);
        for (int i = 0; i < 30; i++) {
            state[pos++] = true;
        }
        for (int i = 0; i < 160; i++) {
            step();
        }
    }

    private int load(int pos, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            state[pos++] = ((value >>> i) & 1) == 1;
        }
        return pos;
    }

    /** One raw LFSR step: computes, shifts in and returns the new bit. */
    private boolean step() {
        boolean b = state[(head + 62) % 80] ^ state[(head + 51) % 80] ^ state[(head + 38) % 80]
                ^ state[(head + 23) % 80] ^ state[(head + 13) % 80] ^ state[head];
        state[head] = b;
        head = (head + 1) % 80;
        return b;
    }

    /** The next self-shrunk output bit. */
    boolean nextBit() {
        while (true) {
            boolean select = step();
            boolean bit = step();
            if (select) {
                return bit;
            }
        }
    }

    /** The next {@code bits} output bits as an unsigned integer, most significant first. */
    BigInteger nextBits(int bits) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < bits; i++) {
            v = v.shiftLeft(1);
            if (nextBit()) {
                v = v.setBit(0);
            }
        }
        return v;
    }
}
