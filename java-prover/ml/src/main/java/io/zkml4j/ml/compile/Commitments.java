package io.zkml4j.ml.compile;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.poseidon.Poseidon;
import io.zkml4j.circuit.poseidon.PoseidonParameters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Poseidon commitments, natively and in a circuit — the same function, so a verifier (or circomlibjs,
 * or a Solidity Poseidon) can recompute them. {@link Poseidon} is circomlib's {@code Poseidon(n)}.
 *
 * <p><b>Chain</b> ({@link #chain}) of field elements {@code e_0 … e_(n−1)}, {@code n ≥ 1}:
 * <pre>
 *   acc = poseidon([e_0, …, e_(min(n,16)−1)])
 *   while elements remain: acc = poseidon([acc, next up to 15 elements])
 *   result = acc
 * </pre>
 * (in circomlibjs: {@code poseidon(array)} with arrays of 1 to 16 elements).
 *
 * <p><b>Tensor commitment</b> ({@link #commit}) of integers {@code v_0 … v_(m−1)}, each guaranteed in
 * {@code [−2^(b−1), 2^(b−1))}, under a private salt:
 * <pre>
 *   K   = ⌊253 / b⌋                                  values per field element
 *   p_j = Σ_(i &lt; K, jK+i &lt; m) (v_(jK+i) + 2^(b−1)) · 2^(b·i)   for j = 0 … ⌈m/K⌉ − 1
 *   commitment = chain([salt, p_0, p_1, …])
 * </pre>
 * Each term is in {@code [0, 2^b)} and {@code K·b ≤ 253}, so {@code p_j < 2^253 < r}: packing is
 * injective on the allowed values, and free in a circuit (a linear combination). The salt is a random
 * field element, private to the prover: without it a low-entropy tensor (a digit label) could be found
 * by trying every value.
 *
 * <p><b>Cost</b> in a circuit: the Poseidon calls of the chain, {@code 3(8t + R_P) − 3} each with
 * {@code t} = the call's inputs + 1 (e.g. a 64-value 16-bit input: 5 packed elements plus the salt, one
 * {@code Poseidon(6)}: 354 constraints).
 */
public final class Commitments {
    private Commitments() {}

    /** The packing budget in bits per field element ({@code 2^253 < r}). */
    public static final int FIELD_BITS = 253;

    /** A fresh salt: a uniform field element (use a {@link java.security.SecureRandom}). */
    public static Fr randomSalt(RandomGenerator rng) {
        return Fr.random(rng);
    }

    /** {@code ⌊253 / b⌋}, the values packed into one field element. */
    public static int valuesPerElement(int b) {
        if (b < 1 || b > 62) {
            throw new IllegalArgumentException("Expected a value width in [1, 62] but got " + b);
        }
        return FIELD_BITS / b;
    }

    /** The packed field elements {@code p_j} of {@code values} (each in {@code [−2^(b−1), 2^(b−1))}). */
    public static List<Fr> pack(long[] values, int b) {
        int k = valuesPerElement(b);
        long half = 1L << (b - 1);
        List<Fr> out = new ArrayList<>();
        for (int j = 0; j * k < values.length; j++) {
            BigInteger p = BigInteger.ZERO;
            for (int i = Math.min(k, values.length - j * k) - 1; i >= 0; i--) {
                long v = values[j * k + i];
                if (v < -half || v >= half) {
                    throw new IllegalArgumentException("Value " + v + " at index " + (j * k + i)
                            + " does not fit the commitment's signed " + b + "-bit range");
                }
                p = p.shiftLeft(b).add(BigInteger.valueOf(v + half));
            }
            out.add(Fr.of(p));
        }
        return out;
    }

    /** The Poseidon chain of {@code elements} (see the class comment). */
    public static Fr chain(List<Fr> elements) {
        return chain(elements, Poseidon::hash);
    }

    /** The chain with {@code hash} as Poseidon: one definition for the native and the circuit values. */
    private static <T> T chain(List<T> elements, Function<List<T>, T> hash) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Nothing to hash");
        }
        int first = Math.min(elements.size(), PoseidonParameters.MAX_INPUTS);
        T acc = hash.apply(elements.subList(0, first));
        for (int i = first; i < elements.size(); i += PoseidonParameters.MAX_INPUTS - 1) {
            List<T> call = new ArrayList<>();
            call.add(acc);
            call.addAll(elements.subList(i, Math.min(elements.size(), i + PoseidonParameters.MAX_INPUTS - 1)));
            acc = hash.apply(call);
        }
        return acc;
    }

    /** {@code chain([salt, pack(values, b)…])}. */
    public static Fr commit(Fr salt, long[] values, int b) {
        List<Fr> e = new ArrayList<>();
        e.add(salt);
        e.addAll(pack(values, b));
        return chain(e);
    }

    /** The same chain in a circuit. */
    static Var chain(CircuitApi api, List<Var> elements) {
        PoseidonGadget p = new PoseidonGadget(api);
        return chain(elements, p::hash);
    }

    /**
     * {@link #commit} in a circuit. Precondition (the caller's constraints guarantee it): every value in
     * {@code [−2^(b−1), 2^(b−1))}.
     */
    static Var commit(CircuitApi api, Var salt, List<Var> values, int b) {
        int k = valuesPerElement(b);
        List<Var> e = new ArrayList<>();
        e.add(salt);
        for (int j = 0; j * k < values.size(); j++) {
            List<Var> terms = new ArrayList<>();
            List<Fr> factors = new ArrayList<>();
            BigInteger offset = BigInteger.ZERO;
            for (int i = 0; i < k && j * k + i < values.size(); i++) {
                BigInteger w = BigInteger.ONE.shiftLeft(b * i);
                terms.add(values.get(j * k + i));
                factors.add(Fr.of(w));
                offset = offset.add(w.shiftLeft(b - 1));
            }
            e.add(api.addConst(api.linearCombination(terms, factors), Fr.of(offset)));
        }
        return chain(api, e);
    }

    /** The constraints of {@link #commit} of {@code m} non-constant values of width {@code b}. */
    public static long commitCost(int m, int b) {
        int k = valuesPerElement(b);
        return chainCost(1 + (m + k - 1) / k);
    }

    /** The constraints of a chain over {@code n} non-constant elements. */
    static long chainCost(int n) {
        long c = poseidonCost(Math.min(n, PoseidonParameters.MAX_INPUTS));
        for (int i = PoseidonParameters.MAX_INPUTS; i < n; i += PoseidonParameters.MAX_INPUTS - 1) {
            c += poseidonCost(1 + Math.min(n - i, PoseidonParameters.MAX_INPUTS - 1));
        }
        return c;
    }

    private static long poseidonCost(int inputs) {
        PoseidonParameters p = PoseidonParameters.forInputs(inputs);
        return 3L * (p.roundsFull() * p.width() + p.roundsPartial()) - 3;
    }
}
