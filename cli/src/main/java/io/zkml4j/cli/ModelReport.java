package io.zkml4j.cli;

import io.zkml4j.ml.compile.Calibrator;
import io.zkml4j.prover.Prover;
import io.zkml4j.prover.model.ModelDirectory;
import io.zkml4j.prover.model.ModelMetadata;
import io.zkml4j.prover.model.ZkModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the model commands print about a compiled model (the calibration report and its warning, the
 * constraints per layer) and the development-setup warning, shared by {@code compile}, {@code setup}, {@code prove}
 * and {@code demo}.
 */
final class ModelReport {

    private ModelReport() {
    }

    /**
     * The summary lines of a compiled model: circuit, settings, calibration, layers; then the
     * calibration's warning (labels agreeing on fewer than 99 % of the samples, samples that overflow).
     *
     * @param report the calibration report, or null without calibration
     */
    static void printCompiled(Ui ui, ModelMetadata m, Path dir, Calibrator.Report report) {
        ModelMetadata.Circuit c = m.circuit();
        ui.summary(String.format(Locale.ROOT, "compiled %s into %s: %,d constraints, %,d wires, %d public signals "
                        + "(%s), setup needs 2^%d", m.sourceName(), dir, c.constraints(), c.wires(),
                m.publicSignals().size(), signals(m), c.power()));
        ModelMetadata.Settings s = m.settings();
        ui.summary(String.format(Locale.ROOT, "settings: input %s, %d bits at scale 2^-%d; weights %d bits at scales "
                        + "2^-%s; accumulators %s; output %s%s", s.inputVisibility(), s.inputBits(), s.inputScale(),
                s.weightBits(), s.weightScales().isEmpty() ? String.valueOf(s.weightScale())
                        : s.weightScales().values().toString(),
                s.accumulatorBits().isEmpty() ? "worst-case widths"
                        : s.accumulatorBits().values() + " bits (calibrated + " + s.marginBits() + " margin)",
                s.outputVisibility(), s.outputLabel() ? " with its label" : ""));
        ui.summary("model commitment: " + m.commitment());
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
        int opWidth = m.layers().stream().mapToInt(l -> l.op().length()).max().orElse(5);
        for (ModelMetadata.LayerCost l : m.layers()) {
            ui.summary(String.format(Locale.ROOT, "  %-" + width + "s  %-" + opWidth + "s  %-14s %,9d", l.name(),
                    l.op(), l.outputShape(), l.constraints()));
        }
        if (report != null) {
            report.warning().ifPresent(w -> ui.warn(calibrationWarning(w)));
        }
    }

    /** The calibration's warning, with where its settings live for the command line. */
    static String calibrationWarning(String warning) {
        return "warning: " + warning + " (settings.json: \"weightBits\", \"inputBits\", \"marginBits\"; see "
                + "zkml4j compile --help)";
    }

    private static String signals(ModelMetadata m) {
        List<String> names = m.publicSignals();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String prefix = n.contains("[") ? n.substring(0, n.indexOf('[')) : null;
            int j = i;
            while (prefix != null && j + 1 < names.size() && names.get(j + 1).startsWith(prefix + "[")) {
                j++;
            }
            shown.add(j > i ? prefix + "[0.." + (j - i) + "]" : n);
            i = j;
        }
        return String.join(", ", shown);
    }

    /** The loud warning of a development setup. */
    static void warnDevSetup(Ui ui, Path dir) {
        ui.warn("WARNING: development setup. These keys come from secrets drawn in this process on this machine: "
                + "whoever could read its memory can forge proofs for this circuit. Use them for "
                + "development and tests only; for production, run 'zkml4j setup " + dir + " --ptau <file>' with the "
                + "final file of a public multi-party powers-of-tau ceremony.");
    }

    /** Runs the development setup of {@code model}, its stages shown as {@code dev-setup <stage>}. */
    static Prover.Keys devSetup(ZkModel model, Progress p) {
        p.stage("dev-setup", 0);
        return model.setupDev((stage, fraction) -> p.stage("dev-setup " + stage, fraction));
    }

    static String keysWritten(ModelDirectory d) {
        return d.zkey() + " and " + d.verificationKey();
    }
}
