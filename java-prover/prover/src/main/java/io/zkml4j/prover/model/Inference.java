package io.zkml4j.prover.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.zkml4j.algebra.field.Fr;
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
 * @param logits         the quantized outputs (the public signals {@code output[i]})
 * @param output         the dequantized outputs
 * @param label          the proven label (argmax), or null when the model does not output one
 * @param witness        the full witness of the circuit
 * @param publicSignals  the public signals, in {@code public.json} order
 */
public record Inference(long[] quantizedInput, int clipped, long[] logits, float[] output, Integer label,
        Witness witness, List<Fr> publicSignals) {

    /** {@code output.json}: {@code {"output": [y0, ...], "label": k}} ({@code label} only when proven). */
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
        try {
            return StrictJson.MAPPER.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize output.json", e);
        }
    }
}
