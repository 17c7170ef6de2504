package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;

/**
 * An off-circuit computation that supplies witness values (gnark's hints). A hint proves nothing:
 * whoever calls {@link CircuitApi#hint} must follow it with constraints that pin every output
 * to the only acceptable value, because a dishonest prover can replace hint outputs at will.
 * Register implementations with {@link HintRegistry#register} under a stable, versioned id such
 * as {@code "bits.decompose.v1"}.
 */
@FunctionalInterface
public interface Hint {

    /**
     * Computes the outputs from the input values.
     *
     * @param inputs     the values of the hint's input variables
     * @param numOutputs the number of outputs the caller asked for
     * @return exactly {@code numOutputs} values
     */
    Fr[] solve(Fr[] inputs, int numOutputs);
}
