package io.zkml4j.ml.compile;

/**
 * Who sees a tensor of the circuit (weights are always fixed constants).
 * <ul>
 *   <li>{@code PRIVATE}: a witness only. The default for the input; not allowed for the output.</li>
 *   <li>{@code PUBLIC}: public signals. The default for the output.</li>
 *   <li>{@code HASHED}: the tensor stays private and its {@link Commitments#commit Poseidon commitment}
 *       under the proof's private salt is a public signal (for the output, the label is committed with it).</li>
 * </ul>
 * See {@link PublicSignalLayout} for where each lands among the public signals.
 */
public enum Visibility {
    PRIVATE,
    PUBLIC,
    HASHED
}
