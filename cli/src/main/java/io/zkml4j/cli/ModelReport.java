package io.zkml4j.cli;

import io.zkml4j.prover.Prover;
import io.zkml4j.prover.model.ModelDirectory;
import io.zkml4j.prover.model.ModelMetadata;
import io.zkml4j.prover.model.ZkModel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the model commands print about a compiled model (the calibration report, the constraints per
 * layer) and the development-setup warning, shared by {@code compile}, {@code setup}, {@code prove}
 * and {@code demo}.
 */
final class ModelReport {

    /** Below this label agreement with the float model, compile warns. */
    static final double AGREEMENT_WARNING = 0.99;

    /** Where development ceremonies are cached: {@code ZKML4J_CACHE}, else {@code $XDG_CACHE_HOME/zkml4j}, else {@code ~/.cache/zkml4j}. */
    static Path devCache(Ui ui) {
        String explicit = ui.env("ZKML4J_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = ui.env("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "zkml4j");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "zkml4j");
    }

    private ModelReport() {
    }

    /** The summary lines of a compiled model: circuit, settings, calibration, layers. */
    static void printCompiled(Ui ui, ModelMetadata m, Path dir) {
        ModelMetadata.Circuit c = m.circuit();
        ui.summary(String.format(Locale.ROOT, "compiled %s into %s: %,d constraints, %,d wires, %d public signals "
                        + "(%s), setup needs 2^%d", m.sourceName(), dir, c.constraints(), c.wires(),
                m.publicSignals().size(), signals(m), c.power()));
        ModelMetadata.Settings s = m.settings();
        ui.summary(String.format(Locale.ROOT, "settings: input %s, %d bits at scale 2^-%d; weights %d bits at scale "
                        + "2^-%d; accumulators %s; output %s%s", s.inputVisibility(), s.inputBits(), s.inputScale(),
                s.weightBits(), s.weightScale(), s.accumulatorBits().isEmpty() ? "worst-case widths"
                        : s.accumulatorBits().values() + " bits (calibrated + " + s.marginBits() + " margin)",
                s.outputVisibility(), s.outputLabel() ? " with its label" : ""));
        ModelMetadata.Calibration cal = m.calibration();
        if (cal == null) {
            ui.summary("calibration: none (no --calibrate): worst-case accumulator widths, so no input in range can "
                    + "make the circuit unsatisfiable; --calibrate gives a smaller circuit and an accuracy report");
        } else {
            ui.summary(String.format(Locale.ROOT, "calibration: %d samples; labels agree with the float model on "
                            + "%.2f %%; max |error| %.4g, mean |error| %.4g (dequantized outputs); %d unsatisfiable",
                    cal.samples(), 100 * cal.labelAgreement(), cal.maxAbsError(), cal.meanAbsError(),
                    cal.unsatisfiable()));
        }
        ui.summary("constraints per layer:");
        int width = m.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5);
        int kindWidth = m.layers().stream().mapToInt(l -> l.kind().length()).max().orElse(5);
        for (ModelMetadata.LayerCost l : m.layers()) {
            ui.summary(String.format(Locale.ROOT, "  %-" + width + "s  %-" + kindWidth + "s  %,9d", l.name(), l.kind(),
                    l.constraints()));
        }
        warnIfInaccurate(ui, m);
    }

    /** The warning when the quantized model disagrees with the float model on too many samples. */
    static void warnIfInaccurate(Ui ui, ModelMetadata m) {
        ModelMetadata.Calibration cal = m.calibration();
        if (cal != null && cal.labelAgreement() < AGREEMENT_WARNING) {
            ModelMetadata.Settings s = m.settings();
            ui.warn(String.format(Locale.ROOT, "warning: the quantized model agrees with the float model on only "
                            + "%.2f %% of the calibration samples (< %.0f %%); try more precision in settings.json, "
                            + "e.g. {\"inputBits\": %d, \"weightBits\": %d}", 100 * cal.labelAgreement(),
                    100 * AGREEMENT_WARNING, Math.min(32, s.inputBits() + 4), Math.min(31, s.weightBits() + 4)));
        }
        if (cal != null && cal.unsatisfiable() > 0) {
            ui.warn("warning: " + cal.unsatisfiable() + " calibration sample(s) overflow the calibrated accumulator "
                    + "widths (no proof is possible for them); raise marginBits in settings.json");
        }
    }

    private static String signals(ModelMetadata m) {
        var names = m.publicSignals();
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        int outputs = m.outputSize();
        StringBuilder b = new StringBuilder("output[0.." + (outputs - 1) + "]");
        if (m.settings().outputLabel()) {
            b.append(", label");
        }
        if (m.settings().inputVisibility().equals("public")) {
            b.append(", input[0..").append(m.inputSize() - 1).append("]");
        }
        return b.toString();
    }

    /** The loud warning of a development setup. */
    static void warnDevSetup(Ui ui, Path dir) {
        ui.warn("WARNING: development setup. These keys come from a one-party ceremony made on this machine: "
                + "whoever can read its memory or the ceremony cache can forge proofs for this circuit. Use them for "
                + "development and tests only; for production, run 'zkml4j setup " + dir + " --ptau <file>' with the "
                + "final file of a public multi-party powers-of-tau ceremony.");
    }

    /** Runs the development setup of {@code model}, with progress, and says what it wrote. */
    static Prover.Keys devSetup(Ui ui, ZkModel model, Progress p) {
        p.stage("development setup (2^" + model.metadata().circuit().power() + ")");
        return model.setupDev(devCache(ui));
    }

    static String keysWritten(ModelDirectory d) {
        return d.zkey() + " and " + d.verificationKey();
    }
}
