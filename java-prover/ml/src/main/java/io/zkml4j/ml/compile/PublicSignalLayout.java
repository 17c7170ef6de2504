package io.zkml4j.ml.compile;

import java.util.List;

/**
 * The public signals of a compiled model's circuit, by name, in the order a Groth16 proof lists them
 * ({@code public.json}, the verifier's {@code uint256[]}): circom/snarkjs's convention, outputs first
 * (in declaration order), then public inputs. Names, in this order:
 * <ol>
 *   <li>output {@link Visibility#PUBLIC}: {@code output[0] … output[n−1]} (the quantized outputs at scale
 *       {@code 2^(−inputScale)}), then {@code label} when the settings ask for it; output
 *       {@link Visibility#HASHED}: {@code outputCommitment} alone (the label is inside it);</li>
 *   <li>input {@link Visibility#HASHED}: {@code inputCommitment};</li>
 *   <li>input {@link Visibility#PUBLIC}: {@code input[0] … input[m−1]} (public inputs, so after every output).</li>
 * </ol>
 * A field element stands for a signed integer {@code v} as {@code v mod r} (negative values are
 * {@code r − |v|}). Commitments are {@link Commitments#commit}s under the proof's salt.
 *
 * @param names the signal names in order
 */
public record PublicSignalLayout(List<String> names) {
    public static final String LABEL = "label";
    public static final String OUTPUT_COMMITMENT = "outputCommitment";
    public static final String INPUT_COMMITMENT = "inputCommitment";

    public PublicSignalLayout {
        names = List.copyOf(names);
    }

    /** {@code output[i]}. */
    public static String output(int i) {
        return "output[" + i + "]";
    }

    /** {@code input[i]}. */
    public static String input(int i) {
        return "input[" + i + "]";
    }

    public int size() {
        return names.size();
    }

    /** The position of {@code name}, or −1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
