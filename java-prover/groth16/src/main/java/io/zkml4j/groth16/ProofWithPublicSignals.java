package io.zkml4j.groth16;

import io.zkml4j.algebra.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Groth16#prove} returns: the proof and the public signals (witness values
 * {@code 1..nPublic}, the content of snarkjs's {@code public.json}).
 *
 * @param proof         the proof
 * @param publicSignals the public signals in wire order (an immutable copy)
 */
public record ProofWithPublicSignals(Proof proof, List<Fr> publicSignals) {

    public ProofWithPublicSignals {
        Objects.requireNonNull(proof, "proof");
        publicSignals = List.copyOf(publicSignals);
    }
}
