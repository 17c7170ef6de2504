package io.zkml4j.circuit.gadgets;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Hint;
import io.zkml4j.circuit.HintRegistry;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Bit decomposition and range checks (gnark {@code std/math/bits}).
 *
 * <p><b>Construction of {@link #toBits(Var, int) toBits(v, n)}.</b> The hint
 * {@value #HINT} supplies the low {@code n - 1} bits {@code b₀..b_{n-2}}; each is asserted boolean.
 * The top bit is not a witness but the linear combination
 * {@code b_{n-1} = (v - Σ_{i<n-1} 2ⁱ·bᵢ) / 2^{n-1}}, also asserted boolean. So
 * {@code v = Σ_{i<n} 2ⁱ·bᵢ} holds by construction and every bit is 0 or 1: <b>n constraints,
 * n − 1 witnesses</b>. Since {@code n ≤ 253}, {@code Σ 2ⁱ·bᵢ < 2^253 < r}: the field equation is
 * an integer equation, the decomposition is unique, and the system is unsatisfiable unless the
 * canonical value of {@code v} lies in {@code [0, 2ⁿ)}.
 */
public final class BitsGadget {

    /** Hint id: the low {@code numOutputs} bits of the canonical value of its input, least significant first. */
    public static final String HINT = "bits.decompose.v1";

    /** The largest width for which a decomposition is unique in Fr ({@code 2^253 < r < 2^254}). */
    public static final int MAX_BITS = 253;

    static {
        HintRegistry.register(HINT, new DecomposeHint());
    }

    private static final class DecomposeHint implements Hint {
        @Override
        public Fr[] solve(Fr[] in, int n) {
            BigInteger v = in[0].toBigInteger();
            Fr[] out = new Fr[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.testBit(i) ? Fr.ONE : Fr.ZERO;
            }
            return out;
        }
    }

    private final CircuitApi api;

    public BitsGadget(CircuitApi api) {
        this.api = api;
    }

    /**
     * The {@code n} bits of {@code v}, least significant first.
     *
     * <p>Cost: {@code n} constraints, {@code n - 1} witnesses (none for a constant {@code v}).
     * Soundness: satisfiable if and only if {@code v ∈ [0, 2ⁿ)} as an integer in {@code [0, r)},
     * and then the bits are the binary digits of {@code v}. No precondition.
     *
     * @throws SynthesisException if {@code n} is outside {@code [1, 253]}, or {@code v} is a constant
     *     outside {@code [0, 2ⁿ)}
     */
    public BoolVar[] toBits(Var v, int n) {
        requireWidth(n);
        if (v.isConstant()) {
            BigInteger c = v.constantValue().orElseThrow().toBigInteger();
            if (c.bitLength() > n) {
                throw new SynthesisException("toBits: the constant " + c + " does not fit in " + n + " bits");
            }
            BoolVar[] bits = new BoolVar[n];
            for (int i = 0; i < n; i++) {
                bits[i] = api.constant(c.testBit(i));
            }
            return bits;
        }
        try (var ns = api.namespace("toBits" + n)) {
            Var[] low = api.hint(HINT, n - 1, v);
            BoolVar[] bits = new BoolVar[n];
            Var rest = v;
            for (int i = 0; i < n - 1; i++) {
                bits[i] = api.assertBool(low[i], "bit[" + i + "]");
                rest = api.sub(rest, api.mulConst(bits[i], Fr.of(BigInteger.ONE.shiftLeft(i))));
            }
            Var top = api.divConst(rest, Fr.of(BigInteger.ONE.shiftLeft(n - 1)));
            bits[n - 1] = api.assertBool(top, "bit[" + (n - 1) + "]");
            return bits;
        }
    }

    /**
     * Asserts {@code v ∈ [0, 2ⁿ)}. Cost: {@code n} constraints, {@code n - 1} witnesses. No precondition.
     */
    public void assertInRange(Var v, int n) {
        try (var ns = api.namespace("range")) {
            toBits(v, n);
        }
    }

    /**
     * Asserts {@code v ∈ [-2^{n-1}, 2^{n-1})} (as a signed value in {@code (-r/2, r/2)}) by range
     * checking {@code v + 2^{n-1}}. Cost: {@code n} constraints, {@code n - 1} witnesses.
     */
    public void assertInSignedRange(Var v, int n) {
        requireWidth(n);
        try (var ns = api.namespace("signedRange")) {
            toBits(api.addConst(v, Fr.of(BigInteger.ONE.shiftLeft(n - 1))), n);
        }
    }

    /** {@code Σ 2ⁱ·bitsᵢ}. Free. */
    public Var fromBits(List<? extends Var> bits) {
        Var acc = api.constant(0);
        for (int i = 0; i < bits.size(); i++) {
            acc = api.add(acc, api.mulConst(bits.get(i), Fr.of(BigInteger.ONE.shiftLeft(i))));
        }
        return acc;
    }

    /** {@code Σ 2ⁱ·bitsᵢ}. Free. */
    public Var fromBits(BoolVar... bits) {
        return fromBits(Arrays.asList(bits));
    }

    static void requireWidth(int n) {
        if (n < 1 || n > MAX_BITS) {
            throw new SynthesisException("Expected a bit width in [1, " + MAX_BITS + "] but got " + n);
        }
    }
}
