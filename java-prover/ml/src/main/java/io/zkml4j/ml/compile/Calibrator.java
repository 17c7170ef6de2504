package io.zkml4j.ml.compile;

import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import io.zkml4j.ml.layers.BoundExceededException;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.tensor.Interval;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks {@link ModelSettings} from sample inputs by running the float model and the integer
 * reference side by side.
 *
 * <ol>
 *   <li><b>Input scale</b> {@code s}: the largest with {@code 2·max|x|·2^s ≤ 2^(inputBits−1) − 1} over
 *       the samples (one bit of headroom before quantization saturates; clamped to [−30, 30]).</li>
 *   <li><b>Weight scales</b>, one per linear layer: the largest {@code sw} with
 *       {@code max|W|·2^sw ≤ 2^(weightBits−1) − 1} over that layer's weights after folding (clamped to
 *       [0, 30]); {@link ModelSettings#weightScale()} is the smallest of them.</li>
 *   <li><b>Accumulator widths</b>: compile with worst-case widths, run the integer reference on the
 *       samples, and give each linear layer the signed width of its observed accumulator range plus
 *       {@code marginBits} (each margin bit doubles the headroom); the compiler caps it at the
 *       worst case. A sample that exceeds a calibrated width later makes its circuit unsatisfiable —
 *       never wrong (see {@link io.zkml4j.ml.layers.RescaleLayer}).</li>
 *   <li><b>Report</b>: the final model on the same samples against the float model — label agreement,
 *       max and mean absolute error of the dequantized outputs — and a {@link Report#warning()} when the
 *       labels agree on fewer than 99% of them or some sample exceeds a calibrated width.</li>
 * </ol>
 */
public final class Calibrator {
    private Calibrator() {}

    /**
     * @param inputBits        signed width of quantized inputs
     * @param weightBits       signed width that the largest weight may use
     * @param marginBits       extra accumulator bits over the observed range
     * @param inputVisibility  see {@link ModelSettings#inputVisibility()}
     * @param outputLabel      see {@link ModelSettings#outputLabel()}
     * @param outputVisibility see {@link ModelSettings#outputVisibility()}
     */
    public record Options(int inputBits, int weightBits, int marginBits, Visibility inputVisibility,
            boolean outputLabel, Visibility outputVisibility) {

        /** Public outputs. */
        public Options(int inputBits, int weightBits, int marginBits, Visibility inputVisibility, boolean outputLabel) {
            this(inputBits, weightBits, marginBits, inputVisibility, outputLabel, Visibility.PUBLIC);
        }

        /** 16 input bits, 12 weight bits, 2 margin bits, private input, public outputs and label. */
        public static Options defaults() {
            return new Options(16, 12, 2, Visibility.PRIVATE, true, Visibility.PUBLIC);
        }
    }

    /** Label agreement below this fraction makes {@link Report#warning()} speak. */
    public static final double MIN_LABEL_AGREEMENT = 0.99;

    /**
     * @param labelAgreement fraction of samples whose quantized label ({@link CompiledModel#predict}) equals the
     *                       float model's ({@link CompiledModel#floatLabel})
     * @param maxAbsError    max |dequantized − float| over all outputs of all samples
     * @param meanAbsError   mean of the same
     * @param unsatisfiable  samples for which a calibrated width was exceeded (circuit unsatisfiable)
     * @param weightBits     the weight bits the model was calibrated with (0 if unknown), for the advice
     */
    public record Report(int samples, double labelAgreement, double maxAbsError, double meanAbsError,
            int unsatisfiable, int weightBits) {

        /**
         * A message for the user when the calibration is not good enough — labels agree on fewer than
         * 99% of the samples, or some sample exceeds a calibrated width —
         * with the setting to change; empty otherwise.
         */
        public java.util.Optional<String> warning() {
            List<String> w = new java.util.ArrayList<>();
            if (labelAgreement < MIN_LABEL_AGREEMENT) {
                String more = weightBits > 0 ? "weightBits " + Math.min(weightBits + 4, 30) + " instead of " + weightBits
                        : "more weight bits (Calibrator.Options.weightBits)";
                w.add(String.format("the quantized labels agree with the float model on only %.1f%% of the %d"
                        + " calibration samples (below %.0f%%): calibrate with %s, or more input bits", 100
                        * labelAgreement, samples, 100 * MIN_LABEL_AGREEMENT, more));
            }
            if (unsatisfiable > 0) {
                w.add(unsatisfiable + " of the " + samples + " samples exceed a calibrated accumulator width, so no"
                        + " proof exists for them: calibrate with more margin bits (Calibrator.Options.marginBits) or"
                        + " on more representative samples");
            }
            return w.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", w));
        }

        @Override
        public String toString() {
            return String.format("%d samples: labels agree %.2f%%, max |err| %.3g, mean |err| %.3g, %d unsatisfiable",
                    samples, 100 * labelAgreement, maxAbsError, meanAbsError, unsatisfiable);
        }
    }

    public record Result(ModelSettings settings, CompiledModel model, Report report) {}

    public static Result calibrate(ModelGraph graph, List<float[]> samples) {
        return calibrate(graph, samples, Options.defaults());
    }

    public static Result calibrate(ModelGraph graph, List<float[]> samples, Options o) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Calibration needs at least one sample");
        }
        double maxIn = 0;
        for (float[] x : samples) {
            for (float v : x) {
                maxIn = Math.max(maxIn, Math.abs(v));
            }
        }
        // one bit of headroom: inputs up to twice the largest calibration input are not clipped
        int s = clamp(largestScale(2 * maxIn, o.inputBits()), -30, 30);
        ModelGraph canonical = GraphTransforms.canonicalize(graph);
        Map<String, Integer> scales = new LinkedHashMap<>();
        int sw = 30;
        for (Node n : canonical.nodes()) {
            if (GraphTransforms.isLinear(n)) {
                FloatTensor w = GraphTransforms.weights(canonical, n);
                double maxW = 0;
                for (int i = 0; i < w.size(); i++) {
                    maxW = Math.max(maxW, Math.abs(w.get(i)));
                }
                int own = clamp(largestScale(maxW, o.weightBits()), 0, 30);
                scales.put(n.output(), own);
                sw = Math.min(sw, own);
            }
        }
        ModelSettings base = new ModelSettings(s, o.inputBits(), sw, Map.of(), o.inputVisibility(), o.outputLabel(),
                o.outputVisibility(), scales);
        CompiledModel worst = ModelCompiler.compile(graph, base);

        Map<String, Interval> observed = new HashMap<>();
        for (float[] x : samples) {
            long[] v = worst.quantizeInput(x);
            for (Layer l : worst.layers()) {
                String acc = worst.accumulatorOf().get(l.name());
                if (acc != null) {
                    long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
                    for (long a : v) {
                        lo = Math.min(lo, a);
                        hi = Math.max(hi, a);
                    }
                    Interval r = new Interval(lo, hi);
                    observed.merge(acc, r, Interval::union);
                }
                v = l.evaluate(v);
            }
        }
        Map<String, Integer> bits = new LinkedHashMap<>();
        observed.forEach((name, r) -> bits.put(name, Math.min(62, r.signedWidth() + o.marginBits())));
        ModelSettings settings = base.withAccumulatorBits(bits);
        CompiledModel model = ModelCompiler.compile(graph, settings);
        return new Result(settings, model, evaluate(model, samples, o.weightBits()));
    }

    /** Compares {@code model} with its float graph on {@code samples}. */
    public static Report evaluate(CompiledModel model, List<float[]> samples) {
        return evaluate(model, samples, 0);
    }

    private static Report evaluate(CompiledModel model, List<float[]> samples, int weightBits) {
        int agree = 0, unsat = 0, count = 0;
        double maxErr = 0, sumErr = 0;
        for (float[] x : samples) {
            float[] f = model.floatLogits(x);
            CompiledModel.Inference q;
            try {
                q = model.infer(model.quantizeInput(x));
            } catch (BoundExceededException e) {
                unsat++;
                continue;
            }
            float[] d = model.dequantize(q.output());
            for (int i = 0; i < f.length; i++) {
                double e = Math.abs(d[i] - f[i]);
                maxErr = Math.max(maxErr, e);
                sumErr += e;
                count++;
            }
            if (q.label() == model.floatLabel(x)) {
                agree++;
            }
        }
        return new Report(samples.size(), agree / (double) samples.size(), maxErr, count == 0 ? 0 : sumErr / count,
                unsat, weightBits);
    }

    /** The largest integer s with {@code max·2^s ≤ 2^(bits−1) − 1} (30 when max is 0). */
    static int largestScale(double max, int bits) {
        if (max == 0) {
            return 30;
        }
        double limit = Math.scalb(1.0, bits - 1) - 1;
        int s = (int) Math.floor(Math.log(limit / max) / Math.log(2)) + 1;
        while (Math.scalb(max, s) > limit) {
            s--;
        }
        return s;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
