package io.zkml4j.cli;

import io.zkml4j.prover.model.Inference;
import io.zkml4j.prover.model.ModelInputs;
import io.zkml4j.prover.model.ZkModel;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkml4j witness <dir> <input.json> <witness.wtns> [--output output.json]}. */
@Command(name = "witness",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Computes the witness of a compiled model's circuit for one input (the circom/snarkjs .wtns format: "
                    + "'zkml4j groth16 prove' and 'snarkjs groth16 prove' take it).",
            "input.json: {\"input\": [x0, x1, ...]}, flattened row-major in the model's input shape (EZKL's "
                    + "{\"input_data\": [[...]]} too). --output writes {\"output\": [...], \"label\": k}: the "
                    + "dequantized outputs of the circuit and its label.",
            "The circuit is rebuilt from DIR/model.onnx and DIR/model.json and must match DIR/circuit.r1cs."
        })
final class WitnessCommand implements Callable<Integer> {

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The model directory (zkml4j compile --out).")
    Path dir;

    @Parameters(index = "1", paramLabel = "<input.json>", description = "The input.")
    Path inputPath;

    @Parameters(index = "2", paramLabel = "<witness.wtns>", description = "The witness to write.")
    Path wtnsPath;

    @Option(names = "--output", paramLabel = "output.json", description = "Also write the outputs and label.")
    Path outputPath;

    WitnessCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() {
        CliFiles.checkInput(inputPath, "the input");
        ui.checkOutput(wtnsPath, "the witness");
        if (outputPath != null) {
            ui.checkOutput(outputPath, "the outputs");
            CliFiles.checkDistinct(wtnsPath, outputPath);
        }
        Inference run;
        try (Progress p = ui.progress("witness")) {
            p.stage("rebuilding the circuit");
            ZkModel model = ZkModel.load(dir);
            float[] x = ModelInputs.readInput(inputPath, model.metadata().inputShapeArray());
            p.stage("computing the witness");
            run = model.infer(x, inputPath.toString());
            p.stage("writing");
            if (outputPath != null) {
                CliFiles.writeTextFiles(Map.of(outputPath, run.outputJson()));
            }
            WtnsFile.write(run.witness(), wtnsPath);
            p.finish();
        }
        warnClipped(ui, run, inputPath);
        ui.summary("witness written to " + wtnsPath + (outputPath == null ? "" : ", outputs to " + outputPath) + " ("
                + run.witness().size() + " wires" + (run.label() == null ? "" : "; label " + run.label()) + ")");
        return ExitCodes.OK;
    }

    static void warnClipped(Ui ui, Inference run, Path input) {
        if (run.clipped() > 0) {
            ui.warn("warning: " + input + ": " + run.clipped() + " input value(s) exceed the range the model was "
                    + "compiled for and were saturated (recompile with calibration samples like this input)");
        }
    }
}
