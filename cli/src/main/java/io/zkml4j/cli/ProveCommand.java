package io.zkml4j.cli;

import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.prover.Prover;
import io.zkml4j.prover.model.Inference;
import io.zkml4j.prover.model.ModelInputs;
import io.zkml4j.prover.model.ZkModel;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkml4j prove <dir> <input.json> --out <dir>}. */
@Command(name = "prove",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Proves one inference of a compiled model: writes OUT/proof.json, OUT/public.json (snarkjs formats), "
                    + "OUT/output.json ({\"output\": [...], \"label\": k}) and OUT/witness.wtns.",
            "When DIR has no keys yet, runs the local development setup first (insecure, says so) and keeps the "
                    + "keys in DIR. The proof is verified before anything is written.",
            "Check it with: zkml4j groth16 verify DIR/verification_key.json OUT/public.json OUT/proof.json"
        })
final class ProveCommand implements Callable<Integer> {

    static final String PROOF = "proof.json";
    static final String PUBLIC = "public.json";
    static final String OUTPUT = "output.json";
    static final String WITNESS = "witness.wtns";

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The model directory (zkml4j compile --out).")
    Path dir;

    @Parameters(index = "1", paramLabel = "<input.json>", description = "The input.")
    Path inputPath;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Where to write the proof files.")
    Path outDir;

    ProveCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() {
        CliFiles.checkInput(inputPath, "the input");
        CliFiles.checkOutputDirectory(outDir, "--out", "the proof directory");
        ZkModel model = ZkModel.load(dir);
        float[] x = ModelInputs.readInput(inputPath, model.metadata().inputShapeArray());
        CliFiles.createOutputDirectory(outDir, "--out", "the proof directory");
        Path proofPath = outDir.resolve(PROOF);
        Path publicPath = outDir.resolve(PUBLIC);
        Path outputPath = outDir.resolve(OUTPUT);
        Path wtnsPath = outDir.resolve(WITNESS);
        for (Path out : new Path[] {proofPath, publicPath, outputPath, wtnsPath}) {
            ui.checkOutput(out, "the " + out.getFileName());
        }
        boolean devSetup = !model.hasKeys();
        if (!devSetup) {
            ui.checkOutput(model.directory().zkey(), "the proving key");
        }
        Result r = prove(ui, model, x, inputPath.toString());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(proofPath, SnarkjsJson.proofJson(r.proof().proof()));
        files.put(publicPath, SnarkjsJson.publicSignalsJson(r.proof().publicSignals()));
        files.put(outputPath, r.run().outputJson());
        WtnsFile.write(r.run().witness(), wtnsPath);
        CliFiles.writeTextFiles(files);
        WitnessCommand.warnClipped(ui, r.run(), inputPath);
        if (r.devSetup() != null) {
            ModelReport.warnDevSetup(ui, dir);
        }
        ui.summary("proof written to " + proofPath + ", public signals to " + publicPath + ", outputs to " + outputPath
                + (r.run().label() == null ? "" : " (label " + r.run().label() + ")") + "; "
                + (r.devSetup() == null ? "" : "development setup " + Ui.seconds(r.devSetup()) + ", ")
                + "witness " + Ui.seconds(r.witness()) + ", prove " + Ui.seconds(r.prove()));
        return ExitCodes.OK;
    }

    /**
     * A proof and what it took.
     *
     * @param devSetup the time of the development setup run first, or null when the keys existed
     */
    record Result(Inference run, ProofWithPublicSignals proof, Prover.Keys keys, Duration devSetup, Duration witness,
            Duration prove) {
    }

    /** Witness, keys (a development setup when DIR has none), proof checked with the verification key. */
    static Result prove(Ui ui, ZkModel model, float[] x, String source) {
        try (Progress p = ui.progress("prove")) {
            p.stage("computing the witness");
            Inference run = model.infer(x, source);
            Duration witness = p.elapsed();
            Prover.Keys keys;
            Duration devSetup = null;
            if (model.hasKeys()) {
                p.stage("reading the keys");
                keys = model.keys();
            } else {
                ui.summary(model.directory() + " has no keys yet: running a local development setup (insecure; for "
                        + "production run 'zkml4j setup " + model.directory() + " --ptau <file>' first)");
                keys = ModelReport.devSetup(model, p);
                devSetup = p.elapsed().minus(witness);
            }
            Duration before = p.elapsed();
            ProofWithPublicSignals proof = model.prove(keys, run, p::stage);
            Duration prove = p.elapsed().minus(before);
            p.finish();
            return new Result(run, proof, keys, devSetup, witness, prove);
        }
    }
}
