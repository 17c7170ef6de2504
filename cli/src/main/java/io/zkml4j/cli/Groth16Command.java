package io.zkml4j.cli;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.setup.DevSetup;
import io.zkml4j.groth16.setup.Groth16Setup;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zkml4j groth16 setup|prove|verify}, argument for argument as {@code snarkjs groth16 ...}, and
 * {@code groth16 dev-setup}, a development-only key without a ceremony.
 */
@Command(name = "groth16",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Groth16 circuit setup, proving and verification (as snarkjs groth16 setup/prove/verify).",
        subcommands = {Groth16Command.Setup.class, Groth16Command.DevSetupCommand.class, Groth16Command.Prove.class,
            Groth16Command.Verify.class})
final class Groth16Command {

    /** Printed on stderr by {@code dev-setup} before anything else (also with {@code --quiet}). */
    static final String DEV_SETUP_WARNING = String.join(System.lineSeparator(),
            "WARNING: dev-setup makes a DEVELOPMENT-ONLY proving key: its secrets (tau, alpha, beta, gamma, delta)",
            "WARNING: exist in this process's memory, and whoever saw that memory can forge proofs for this",
            "WARNING: circuit. It is no substitute for a ceremony: for production, run 'groth16 setup' with a",
            "WARNING: public multi-party ceremony's .ptau and add 'zkey contribute' contributions.");

    @Command(name = "setup",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Creates the initial proving key of a circuit from a prepared powers-of-tau file "
                        + "(same file and circuit hash as snarkjs groth16 setup). Prints the circuit hash.",
                "The key has no phase-2 contribution yet: add one with 'zkml4j zkey contribute' before real use."
            })
    static final class Setup implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<circuit.r1cs>", description = "The constraint system (circom .r1cs).")
        Path r1csPath;

        @Parameters(index = "1", paramLabel = "<powers.ptau>",
                description = "Powers of tau prepared for phase 2 (snarkjs powersoftau prepare phase2 or "
                        + "zkml4j ptau prepare).")
        Path ptauPath;

        @Parameters(index = "2", paramLabel = "<circuit.zkey>", description = "The proving key to write.")
        Path zkeyPath;

        Setup(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(r1csPath, "the constraint system");
            CliFiles.checkInput(ptauPath, "the powers of tau");
            ui.checkOutput(zkeyPath, "the proving key");
            R1cs r1cs;
            Groth16Setup.Result result;
            Duration took;
            try (Progress p = ui.progress("setup")) {
                p.stage("reading " + r1csPath.getFileName());
                r1cs = R1csFile.read(r1csPath);
                p.stage("reading " + ptauPath.getFileName());
                try (PtauFile ptau = PtauFile.open(ptauPath)) {
                    p.stage("computing the key");
                    result = Groth16Setup.newZkey(r1cs, ptau);
                }
                p.stage("writing " + zkeyPath.getFileName());
                ZkeyFile.write(result.key(), zkeyPath, ZkeyFile.SETUP_ORDER);
                p.finish();
                took = p.elapsed();
            }
            reportNewKey(ui, "proving key written to " + zkeyPath + " (setup ", took, r1cs, result);
            ui.summary("note: no phase-2 contribution yet; add one with 'zkml4j zkey contribute' before real use");
            return ExitCodes.OK;
        }
    }

    /**
     * Prints a new key's circuit hash (stdout) and {@code <written><time>; <m> constraints, <n> wires, …)}
     * (stderr).
     */
    private static void reportNewKey(Ui ui, String written, Duration took, R1cs r1cs, Groth16Setup.Result result) {
        ProvingKey key = result.key();
        ui.result(SnarkjsEncoding.formatHash(result.circuitHash(), "Circuit hash: "));
        ui.summary(written + Ui.seconds(took) + "; " + r1cs.numConstraints() + " constraints, " + key.nVars()
                + " wires, " + key.nPublic() + " public signals, domain 2^" + key.domainLog() + ")");
    }

    @Command(name = "dev-setup",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Creates a DEVELOPMENT-ONLY proving key for a circuit from secrets drawn in this process, without "
                        + "a powers-of-tau file: seconds where a local ceremony takes minutes. snarkjs and zkml4j "
                        + "prove and verify with it as with any zkey. Prints the circuit hash.",
                "Insecure: whoever saw this process's memory can forge proofs. Not a substitute for a ceremony; "
                        + "'snarkjs zkey verify' cannot check it (there is no ceremony to check it against)."
            })
    static final class DevSetupCommand implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<circuit.r1cs>", description = "The constraint system (circom .r1cs).")
        Path r1csPath;

        @Parameters(index = "1", paramLabel = "<circuit.zkey>", description = "The proving key to write.")
        Path zkeyPath;

        DevSetupCommand(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(r1csPath, "the constraint system");
            ui.checkOutput(zkeyPath, "the proving key");
            R1cs r1cs = R1csFile.read(r1csPath);
            ui.warn(DEV_SETUP_WARNING);
            Groth16Setup.Result result;
            Duration took;
            try (Progress p = ui.progress("dev-setup")) {
                try {
                    result = DevSetup.newZkey(r1cs, p::stage);
                } catch (IllegalArgumentException e) {
                    throw new CliException(r1csPath + ": " + e.getMessage(), e);
                }
                p.stage("writing " + zkeyPath.getFileName());
                ZkeyFile.write(result.key(), zkeyPath, ZkeyFile.SETUP_ORDER);
                p.finish();
                took = p.elapsed();
            }
            reportNewKey(ui, "development proving key written to " + zkeyPath + " (dev-setup ", took, r1cs, result);
            return ExitCodes.OK;
        }
    }

    @Command(name = "prove",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Proves that the witness satisfies the circuit of the proving key; writes the proof and the "
                        + "public signals as snarkjs does.",
                "The new proof is verified before anything is written: a witness that does not satisfy the "
                        + "circuit is an error (exit 2) and leaves no files, where snarkjs would write a proof "
                        + "no verifier accepts."
            })
    static final class Prove implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<circuit.zkey>", description = "The proving key.")
        Path zkeyPath;

        @Parameters(index = "1", paramLabel = "<witness.wtns>", description = "The witness (circom/snarkjs .wtns).")
        Path wtnsPath;

        @Parameters(index = "2", paramLabel = "<proof.json>", description = "The proof to write.")
        Path proofPath;

        @Parameters(index = "3", paramLabel = "<public.json>", description = "The public signals to write.")
        Path publicPath;

        @Option(names = "--timings",
                description = "Print the time of every stage on stderr (reading the key and the witness, qap, fft, "
                        + "msm-h, msm-a, msm-b1, msm-b2, msm-c, checking, writing), for benchmarks.")
        boolean timings;

        Prove(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(zkeyPath, "the proving key");
            CliFiles.checkInput(wtnsPath, "the witness");
            ui.checkOutput(proofPath, "the proof");
            ui.checkOutput(publicPath, "the public signals");
            CliFiles.checkDistinct(proofPath, publicPath);
            Duration read;
            Duration prove;
            StageTimes times = new StageTimes();
            try (Progress p = ui.progress("prove")) {
                ProveOptions.ProgressListener stages = (stage, fraction) -> {
                    times.stage(stage);
                    p.stage(stage, fraction);
                    if (stage.equals("msm-h")) {
                        // The three FFT vectors just died in the old generation; collecting them now (one
                        // short full collection; this process only proves) keeps the MSMs' buckets from
                        // growing the heap around them: about 8 MB less peak RSS at 2^18 (BENCHMARKS.md).
                        System.gc();
                    }
                };
                stages.onStage("reading " + zkeyPath.getFileName(), Double.NaN);
                ProvingKey pk = ZkeyFile.openForProving(zkeyPath); // the MSMs stream its points
                stages.onStage("reading " + wtnsPath.getFileName(), Double.NaN);
                long[] witness = WtnsFile.readStandardLimbs(wtnsPath); // held once: it becomes the MSM scalars
                read = p.elapsed();
                ProofWithPublicSignals result;
                try {
                    result = Groth16.proveStandardFormInPlace(pk, witness, new SecureRandom(),
                            ProveOptions.defaults().withProgress(stages));
                } catch (Groth16Exception e) {
                    throw new CliException(wtnsPath + " does not fit " + zkeyPath + ": " + e.getMessage(), e);
                }
                stages.onStage("checking the proof", Double.NaN);
                if (!Groth16.verify(pk.verifyingKey(), result.publicSignals(), result.proof())) {
                    throw new CliException(wtnsPath + ": the witness does not satisfy the circuit of " + zkeyPath
                            + " (the proof made from it does not verify); nothing written");
                }
                prove = p.elapsed().minus(read);
                stages.onStage("writing", Double.NaN);
                Map<Path, String> files = new LinkedHashMap<>();
                files.put(proofPath, SnarkjsJson.proofJson(result.proof()));
                files.put(publicPath, SnarkjsJson.publicSignalsJson(result.publicSignals()));
                CliFiles.writeTextFiles(files);
                times.stage("done");
                p.finish();
            }
            if (timings) {
                ui.warn(times.summary("timings:"));
            }
            ui.summary("proof written to " + proofPath + ", public signals to " + publicPath + " (read "
                    + Ui.seconds(read) + ", prove " + Ui.seconds(prove) + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Verifies a proof. Prints OK! and exits 0 when it is valid; prints 'Invalid proof' and exits 1 "
                        + "when it is not; exits 2 when a file is missing or malformed.",
                "Files are read strictly: values not in their field, points off the curve or outside the "
                        + "subgroup are errors (snarkjs reduces some of them silently)."
            })
    static final class Verify implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<verification_key.json>", description = "The verification key.")
        Path vkPath;

        @Parameters(index = "1", paramLabel = "<public.json>", description = "The public signals.")
        Path publicPath;

        @Parameters(index = "2", paramLabel = "<proof.json>", description = "The proof.")
        Path proofPath;

        Verify(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(vkPath, "the verification key");
            CliFiles.checkInput(publicPath, "the public signals");
            CliFiles.checkInput(proofPath, "the proof");
            VerifyingKey vk = SnarkjsJson.readVerificationKey(vkPath);
            List<Fr> publicSignals = SnarkjsJson.readPublicSignals(publicPath);
            Proof proof = SnarkjsJson.readProof(proofPath);
            if (publicSignals.size() != vk.nPublic()) {
                throw new CliException(publicPath + " holds " + publicSignals.size() + " public signals but "
                        + vkPath + " expects " + vk.nPublic() + " (nPublic)");
            }
            if (Groth16.verify(vk, publicSignals, proof)) {
                ui.result("OK!");
                return ExitCodes.OK;
            }
            ui.result("Invalid proof");
            return ExitCodes.INVALID_PROOF;
        }
    }
}
