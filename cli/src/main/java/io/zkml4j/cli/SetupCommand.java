package io.zkml4j.cli;

import io.zkml4j.prover.Prover;
import io.zkml4j.prover.model.ModelDirectory;
import io.zkml4j.prover.model.ZkModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkml4j setup <dir> [--ptau powers.ptau]}. */
@Command(name = "setup",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Creates the Groth16 keys of a compiled model: DIR/circuit.zkey and DIR/verification_key.json "
                    + "(snarkjs formats).",
            "With --ptau, from a prepared powers-of-tau file (as 'zkml4j groth16 setup'; use the final file of a "
                    + "public multi-party ceremony for production). Without it, a local development setup in "
                    + "seconds (insecure: says so loudly)."
        })
final class SetupCommand implements Callable<Integer> {

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The model directory (zkml4j compile --out).")
    Path dir;

    @Option(names = "--ptau", paramLabel = "powers.ptau",
            description = "A prepared powers-of-tau file of at least the power model.json's circuit.power names.")
    Path ptauPath;

    SetupCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() {
        if (ptauPath != null) {
            CliFiles.checkInput(ptauPath, "the powers of tau");
        }
        Duration took;
        ZkModel model;
        Prover.Keys keys;
        try (Progress p = ui.progress("setup")) {
            p.stage("rebuilding the circuit");
            model = ZkModel.load(dir);
            ModelDirectory d = model.directory();
            ui.checkOutput(d.zkey(), "the proving key");
            ui.checkOutput(d.verificationKey(), "the verification key");
            if (ptauPath != null) {
                p.stage("setup from " + ptauPath.getFileName());
                keys = model.setup(ptauPath);
            } else {
                keys = ModelReport.devSetup(model, p);
            }
            p.finish();
            took = p.elapsed();
        }
        if (ptauPath == null) {
            ModelReport.warnDevSetup(ui, dir);
        }
        ui.summary("keys written to " + ModelReport.keysWritten(model.directory()) + " (setup " + Ui.seconds(took)
                + "; " + keys.r1cs().numConstraints() + " constraints, domain 2^" + keys.provingKey().domainLog()
                + ")");
        return ExitCodes.OK;
    }
}
