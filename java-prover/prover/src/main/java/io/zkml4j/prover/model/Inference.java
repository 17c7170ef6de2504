package io.zkml4j.prover.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.ml.compile.PublicSignalLayout;
import io.zkml4j.r1cs.Witness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a compiled model on one input: the witness of its circuit and what it computes.
 *
 * @param quantizedInput the input as the circuit sees it (fixed point, saturated to inputBits)
 * @param clipped        how many input values were saturated to the inputBits range
 * @param quantizedOutput the quantized outputs (the public signals {@code output[i]} unless hashed)
 * @param output         the dequantized outputs
 * @param label          the proven label (argmax, or {@code x > 0} for one logit), or null when the model
 *                       does not output one
 * @param salt           the salt of the commitments when a tensor is hashed, else null: secret, needed to
 *                       open them
 * @param witness        the full witness of the circuit
 * @param signalNames    the names of the public signals ({@code model.json}'s {@code publicSignals})
 * @param publicSignals  the public signals, in {@code public.json} order
 */
public record Inference(long[] quantizedInput, int clipped, long[] quantizedOutput, float[] output, Integer label,
        Fr salt, Witness witness, List<String> signalNames, List<Fr> publicSignals) {

    /**
     * {@code output.json}: {@code {"output": [y0, ...], "label": k}} ({@code label} only when proven). When
     * a tensor is hashed it also holds {@code salt} and the commitments ({@code inputCommitment},
     * {@code outputCommitment}, decimal), which open them: the salt is secret.
     */
    public String outputJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> values = new ArrayList<>(output.length);
        for (float v : output) {
            values.add((double) v); // fixed-point values: exact in float and in double
        }
        m.put("output", values);
        if (label != null) {
            m.put("label", label);
        }
        if (salt != null) {
            m.put("salt", salt.toString());
            for (String c : List.of(PublicSignalLayout.INPUT_COMMITMENT, PublicSignalLayout.OUTPUT_COMMITMENT)) {
                int at = signalNames.indexOf(c);
                if (at >= 0) {
                    m.put(c, publicSignals.get(at).toString());
                }
            }
        }
        try {
            return StrictJson.MAPPER.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize output.json", e);
        }
    }
}
