package io.zkml4j.cli;

import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.prover.model.CompileOptions;
import io.zkml4j.prover.model.ModelInputs;
import io.zkml4j.prover.model.ZkModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkml4j compile <model.onnx> [--settings settings.json] [--calibrate inputs.json] --out <dir>}. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compiles an ONNX model into a circuit: quantizes it (calibrated on sample inputs with --calibrate), "
                    + "builds the R1CS and writes the model directory DIR: model.onnx (a copy), model.json "
                    + "(shapes, settings, public signals, constraints per layer, calibration report) and circuit.r1cs. "
                    + "Keys of an earlier compile in DIR are removed.",
            "Prints the calibration report (label agreement with the float model, max/mean error) and the "
                    + "constraints per layer on stderr; warns when labels agree on fewer than 99 % of the samples.",
            "settings.json (every key optional; unknown keys are errors): {\"inputBits\": 16, \"weightBits\": 12, "
                    + "\"marginBits\": 2, \"inputScale\": n (only without --calibrate), \"inputVisibility\": "
                    + "\"private\"|\"public\"|\"hashed\", \"outputVisibility\": \"public\"|\"hashed\", "
                    + "\"outputLabel\": true}. hashed: the tensor stays private and a salted Poseidon commitment to "
                    + "it is a public signal.",
            "Calibration file: a JSON array of samples [[...], ...] or {\"inputs\": [[...], ...]}; each sample "
                    + "flattened row-major in the model's input shape. Without it, the input scale assumes |x| <= 1 "
                    + "and accumulators get worst-case widths (a larger circuit that never rejects an input)."
        })
final class CompileCommand implements Callable<Integer> {

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<model.onnx>", description = "The model (ONNX, opset 11-17).")
    Path modelPath;

    @Option(names = "--settings", paramLabel = "settings.json", description = "Quantization and visibility settings.")
    Path settingsPath;

    @Option(names = "--calibrate", paramLabel = "inputs.json", description = "Sample inputs to calibrate on.")
    Path calibratePath;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "The model directory to write.")
    Path outDir;

    CompileCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() {
        CliFiles.checkInput(modelPath, "the ONNX model");
        if (settingsPath != null) {
            CliFiles.checkInput(settingsPath, "the settings");
        }
        if (calibratePath != null) {
            CliFiles.checkInput(calibratePath, "the calibration samples");
        }
        CliFiles.checkOutputDirectory(outDir, "--out", "the model directory");
        CompileOptions options = settingsPath == null ? CompileOptions.defaults() : CompileOptions.read(settingsPath);
        CliFiles.createOutputDirectory(outDir, "--out", "the model directory");
        for (String f : new String[] {"model.onnx", "model.json", "circuit.r1cs"}) {
            ui.checkOutput(outDir.resolve(f).toAbsolutePath(), "the model directory's " + f);
        }
        ZkModel.Compiled compiled;
        try (Progress p = ui.progress("compile")) {
            p.stage("importing " + modelPath.getFileName());
            ModelGraph graph = ZkModel.importOnnx(modelPath);
            List<float[]> samples = null;
            if (calibratePath != null) {
                p.stage("reading " + calibratePath.getFileName());
                samples = ModelInputs.readCalibration(calibratePath, graph.inputShape());
            }
            p.stage(samples == null ? "compiling" : "calibrating on " + samples.size() + " samples");
            compiled = ZkModel.compile(modelPath, graph, options, samples, outDir);
            p.finish();
        }
        if (compiled.removedKeys()) {
            ui.summary("removed the keys of the previous circuit in " + outDir + " (run zkml4j setup again)");
        }
        ModelReport.printCompiled(ui, compiled.model().metadata(), outDir, compiled.report());
        return ExitCodes.OK;
    }
}
