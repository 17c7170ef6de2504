package io.zkml4j.ml.compile;

import java.util.Map;

/**
 * Quantization and circuit settings for one model, passed explicitly (no global state).
 *
 * <p>Scheme: every activation tensor is fixed point at the same scale {@code 2^(−inputScale)}; the
 * weights of a linear layer at {@code 2^(−sw)}, {@code sw} its entry in {@code weightScales} or else
 * {@code weightScale}; its accumulator is at {@code 2^(−(inputScale + sw))} (its bias is quantized there)
 * and is rescaled back by {@code 2^sw} — fused with the ReLU, Sigmoid or Tanh when one follows.
 *
 * @param inputScale       fractional bits of activations (may be negative for large-valued inputs)
 * @param inputBits        signed width of a quantized input element; the circuit range-checks every
 *                         input element to {@code [−2^(b−1), 2^(b−1))}, and quantization saturates to it
 * @param weightScale      fractional bits of weights, {@code ≥ 0}
 * @param accumulatorBits  signed width enforced on each linear layer's accumulators, by the linear
 *                         node's output name (from calibration); a layer not listed gets its worst-case
 *                         width from the input range and weights, and a listed width above the worst
 *                         case is lowered to it
 * @param inputVisibility  {@link Visibility#PRIVATE} (default), {@link Visibility#PUBLIC} or
 *                         {@link Visibility#HASHED}
 * @param outputLabel      also output the predicted class (see {@link ModelCompiler}: taken on the logits)
 * @param outputVisibility {@link Visibility#PUBLIC} (default) or {@link Visibility#HASHED} (the outputs and the
 *                         label stay private; their commitment is public)
 * @param weightScales     the weight scale of each linear layer, by the linear node's output name (from
 *                         calibration: each layer's largest weight sets its own); a layer not listed uses
 *                         {@code weightScale}
 */
public record ModelSettings(int inputScale, int inputBits, int weightScale, Map<String, Integer> accumulatorBits,
        Visibility inputVisibility, boolean outputLabel, Visibility outputVisibility,
        Map<String, Integer> weightScales) {

    /** Public outputs, one weight scale for every layer. */
    public ModelSettings(int inputScale, int inputBits, int weightScale, Map<String, Integer> accumulatorBits,
            Visibility inputVisibility, boolean outputLabel) {
        this(inputScale, inputBits, weightScale, accumulatorBits, inputVisibility, outputLabel, Visibility.PUBLIC);
    }

    /** One weight scale for every layer. */
    public ModelSettings(int inputScale, int inputBits, int weightScale, Map<String, Integer> accumulatorBits,
            Visibility inputVisibility, boolean outputLabel, Visibility outputVisibility) {
        this(inputScale, inputBits, weightScale, accumulatorBits, inputVisibility, outputLabel, outputVisibility,
                Map.of());
    }

    public ModelSettings {
        if (inputBits < 2 || inputBits > 32) {
            throw new IllegalArgumentException("Expected 2 <= inputBits <= 32 but got " + inputBits);
        }
        if (weightScale < 0 || weightScale > 30) {
            throw new IllegalArgumentException("Expected 0 <= weightScale <= 30 but got " + weightScale);
        }
        weightScales = Map.copyOf(weightScales);
        weightScales.forEach((layer, sw) -> {
            if (sw < 0 || sw > 30) {
                throw new IllegalArgumentException("Expected 0 <= weight scale <= 30 for '" + layer + "' but got " + sw);
            }
        });
        if (inputScale < -30 || inputScale > 30) {
            throw new IllegalArgumentException("Expected -30 <= inputScale <= 30 but got " + inputScale);
        }
        accumulatorBits = Map.copyOf(accumulatorBits);
        java.util.Objects.requireNonNull(inputVisibility, "inputVisibility");
        if (outputVisibility == Visibility.PRIVATE || outputVisibility == null) {
            throw new IllegalArgumentException("Expected the output visibility PUBLIC or HASHED but got "
                    + outputVisibility + " (a proof needs some public output)");
        }
    }

    /** The weight scale of the linear layer writing {@code linearOutput}. */
    public int weightScaleOf(String linearOutput) {
        return weightScales.getOrDefault(linearOutput, weightScale);
    }

    /** Whether the circuit has a salt (some tensor is {@link Visibility#HASHED}). */
    public boolean needsSalt() {
        return inputVisibility == Visibility.HASHED || outputVisibility == Visibility.HASHED;
    }

    /** Worst-case accumulator widths everywhere: no honest input can make the circuit unsatisfiable. */
    public static ModelSettings worstCase(int inputScale, int inputBits, int weightScale) {
        return new ModelSettings(inputScale, inputBits, weightScale, Map.of(), Visibility.PRIVATE, true);
    }

    public ModelSettings withAccumulatorBits(Map<String, Integer> bits) {
        return new ModelSettings(inputScale, inputBits, weightScale, bits, inputVisibility, outputLabel,
                outputVisibility, weightScales);
    }

    public ModelSettings withInputVisibility(Visibility v) {
        return new ModelSettings(inputScale, inputBits, weightScale, accumulatorBits, v, outputLabel, outputVisibility,
                weightScales);
    }

    public ModelSettings withOutputLabel(boolean label) {
        return new ModelSettings(inputScale, inputBits, weightScale, accumulatorBits, inputVisibility, label,
                outputVisibility, weightScales);
    }

    public ModelSettings withOutputVisibility(Visibility v) {
        return new ModelSettings(inputScale, inputBits, weightScale, accumulatorBits, inputVisibility, outputLabel, v,
                weightScales);
    }

    public ModelSettings withWeightScales(Map<String, Integer> scales) {
        return new ModelSettings(inputScale, inputBits, weightScale, accumulatorBits, inputVisibility, outputLabel,
                outputVisibility, scales);
    }
}
