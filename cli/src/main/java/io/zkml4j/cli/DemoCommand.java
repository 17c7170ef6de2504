package io.zkml4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CodegenException;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.codegen.SolcCompiler;
import io.zkml4j.codegen.SolidityExportOptions;
import io.zkml4j.codegen.Verifiers;
import io.zkml4j.deployer.DeployedVerifier;
import io.zkml4j.deployer.GasReport;
import io.zkml4j.deployer.VerifierDeployer;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.prover.model.CompileOptions;
import io.zkml4j.prover.model.ModelDirectory;
import io.zkml4j.prover.model.ModelInputs;
import io.zkml4j.prover.model.ModelMetadata;
import io.zkml4j.prover.model.ZkModel;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.testchain.DevAccounts;
import io.zkml4j.testchain.HardhatNode;
import io.zkml4j.testchain.NodeTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DynamicEIP1559GasProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zkml4j demo}: the whole job on the bundled digits MLP, from the ONNX file to a proof checked
 * by a contract on a local chain. The model and its sample inputs are resources of the jar
 * ({@code io/zkml4j/cli/demo/digits_mlp/}, copied from {@code examples/models/digits_mlp} at build
 * time), so the demo needs no repository paths; it needs Node.js and test-chain's npm packages for
 * solc-js and Hardhat.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the whole job end to end on the bundled digits MLP (64 -> 32 -> 10, scikit-learn's 8x8 digits, "
                    + "trained with PyTorch): calibrate on 50 test images and compile to a circuit, local development "
                    + "setup, prove one image, generate the Solidity verifier and compile it with solc-js, start a "
                    + "local Hardhat node, deploy the verifier with web3j and call verifyProof on chain.",
            "Prints the predicted digit (and the true label), the on-chain answer, the proof size, the time of "
                    + "each step, the gas of the deployment and of a verifyProof transaction, and where the files "
                    + "are. Needs Node.js >= 20 and test-chain's npm packages (mvn -B verify installs them). The "
                    + "node is stopped on exit, Ctrl-C included."
        })
final class DemoCommand implements Callable<Integer> {

    /** The bundled model's resources. */
    static final String RESOURCES = "/io/zkml4j/cli/demo/digits_mlp/";
    static final List<String> FILES = List.of("model.onnx", "test_inputs.json", "input.json", "expected_output.json");

    private final Ui ui;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Keep the files (model directory, proof, Verifier.sol) in this directory; by default they "
                    + "go to a temporary directory that is deleted at the end.")
    Path outDir;

    DemoCommand(Ui ui) {
        this.ui = ui;
    }

    /** One timed step of the demo, for the closing table. */
    private record Step(String name, Duration time, String note) {
    }

    private final List<Step> steps = new ArrayList<>();
    private int stepNumber;
    private static final int STEPS = 8;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        checkTools();
        boolean temporary = outDir == null;
        Path work = temporary ? Files.createTempDirectory("zkml4j-demo-")
                : CliFiles.createOutputDirectory(outDir, "--out", "the demo's work directory");
        Thread cleanup = new Thread(() -> deleteTree(work), "zkml4j-demo-cleanup");
        if (temporary) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        try {
            return run(work, temporary, start);
        } finally {
            if (temporary) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs
                }
                deleteTree(work);
            }
        }
    }

    private int run(Path work, boolean temporary, long start) throws IOException {
        Path sources = work.resolve("digits_mlp");
        Files.createDirectories(sources);
        for (String f : FILES) {
            copyResource(f, sources.resolve(f));
        }
        Path modelDir = work.resolve("model");
        Path proofDir = work.resolve("proof");
        Files.createDirectories(proofDir);
        JsonNode expected = new ObjectMapper().readTree(sources.resolve("expected_output.json").toFile());

        // 1. calibrate and compile
        ZkModel.Compiled compiled = step("compile", "calibrating on 50 test images and compiling the circuit", () -> {
            var graph = ZkModel.importOnnx(sources.resolve("model.onnx"));
            List<float[]> samples = ModelInputs.readCalibration(sources.resolve("test_inputs.json"), graph.inputShape());
            return ZkModel.compile(sources.resolve("model.onnx"), graph, CompileOptions.defaults(), samples, modelDir);
        });
        ModelMetadata meta = compiled.model().metadata();
        ZkModel model = compiled.model();
        compiled.report().warning().ifPresent(w -> ui.warn(ModelReport.calibrationWarning(w)));

        // 2. development setup
        var keys = step("setup", "local development setup (2^" + meta.circuit().power() + "; insecure, for the demo)",
                () -> model.setupDev((stage, fraction) -> { }));

        // 3. prove
        float[] x = ModelInputs.readInput(sources.resolve("input.json"), meta.inputShapeArray());
        var run = step("prove", "proving one image", () -> {
            var r = model.infer(x, "input.json");
            var proof = model.prove(keys, r, (stage, f) -> { });
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(proofDir.resolve(ProveCommand.PROOF), SnarkjsJson.proofJson(proof.proof()));
            files.put(proofDir.resolve(ProveCommand.PUBLIC), SnarkjsJson.publicSignalsJson(proof.publicSignals()));
            files.put(proofDir.resolve(ProveCommand.OUTPUT), r.outputJson());
            WtnsFile.write(r.witness(), proofDir.resolve(ProveCommand.WITNESS));
            CliFiles.writeTextFiles(files);
            return Map.entry(r, proof);
        });
        var inference = run.getKey();
        var proof = run.getValue();

        // 4. Solidity verifier, compiled with solc-js
        Path sol = work.resolve("Verifier.sol");
        CompiledContract contract = step("verifier", "generating Verifier.sol and compiling it with solc-js", () -> {
            Verifiers.writeSolidity(model.directory().verificationKey(), sol,
                    SolidityExportOptions.defaults().toBuilder().implementsInterface(false).build());
            return SolcCompiler.locate().compile(sol.toAbsolutePath(), SolidityExportOptions.DEFAULT_CONTRACT_NAME);
        });

        // 5. the chain
        HardhatNode node = step("chain", "starting a local Hardhat node", () -> HardhatNode.builder()
                .logFile(work.resolve("hardhat-node.log")).start());
        try {
            Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
            try {
                var credentials = DevAccounts.account(0);
                var tm = new RawTransactionManager(web3j, credentials, node.chainId());
                var gas = new DynamicEIP1559GasProvider(web3j, node.chainId());
                // 6. deploy
                DeployedVerifier verifier = step("deploy", "deploying the verifier with web3j",
                        () -> VerifierDeployer.deploy(web3j, tm, gas, contract));
                TransactionReceipt deployment = verifier.deploymentReceipt().orElseThrow();
                note("gas " + String.format(Locale.ROOT, "%,d", deployment.getGasUsed()));
                // 7. verify on chain (eth_call), and a tampered output
                List<Fr> signals = proof.publicSignals();
                boolean onChain = step("verify", "calling verifyProof on chain",
                        () -> verifier.verify(proof.proof(), signals));
                List<Fr> tampered = new ArrayList<>(signals);
                tampered.set(0, tampered.get(0).add(Fr.ONE));
                boolean tamperedAccepted = verifier.verify(proof.proof(), tampered);
                // 8. a verifyProof transaction, for its gas
                TransactionReceipt tx = step("transaction", "sending verifyProof as a transaction (for its gas)",
                        () -> verifier.submit(proof.proof(), signals));
                long intrinsic = GasReport.intrinsicGas(DeployedVerifier.calldata(proof.proof(), signals), false);
                note(String.format(Locale.ROOT, "gas %,d (execution %,d)", tx.getGasUsed(),
                        tx.getGasUsed().longValueExact() - intrinsic));

                printReport(meta, inference, expected, onChain, tamperedAccepted, proofDir, deployment, tx, intrinsic,
                        work, temporary, start);
                return onChain && !tamperedAccepted ? ExitCodes.OK : ExitCodes.INVALID_PROOF;
            } finally {
                web3j.shutdown();
            }
        } finally {
            node.close();
        }
    }

    private void printReport(ModelMetadata meta, io.zkml4j.prover.model.Inference inference, JsonNode expected,
            boolean onChain, boolean tamperedAccepted, Path proofDir, TransactionReceipt deployment,
            TransactionReceipt tx, long intrinsic, Path work, boolean temporary, long start) throws IOException {
        long proofJsonBytes = Files.size(proofDir.resolve(ProveCommand.PROOF));
        int proofBytes = EvmEncoding.PROOF_WORDS * 32;
        ModelMetadata.Calibration cal = meta.calibration();
        List<String> lines = new ArrayList<>();
        lines.add("zkml4j demo: a digit classifier (MLP 64 -> 32 -> 10) proven with Groth16 and verified on a local "
                + "Ethereum chain");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "  predicted digit      %d   (true label %d; PyTorch predicts %d)",
                inference.label(), expected.get("true_label").asInt(), expected.get("label").asInt()));
        lines.add(String.format(Locale.ROOT, "  verified on chain    %s   (verifyProof by eth_call; with one output "
                + "changed: %s)", onChain, tamperedAccepted));
        lines.add(String.format(Locale.ROOT, "  proof size           %d bytes (8 x uint256 on chain); proof.json %,d "
                + "bytes", proofBytes, proofJsonBytes));
        lines.add(String.format(Locale.ROOT, "  circuit              %,d constraints, %d public signals (10 outputs "
                + "and the label)", meta.circuit().constraints(), meta.publicSignals().size()));
        lines.add(String.format(Locale.ROOT, "  calibration          %d images; labels agree with the float model on "
                + "%.2f %%", cal.samples(), 100 * cal.labelAgreement()));
        lines.add(String.format(Locale.ROOT, "  gas                  deployment %,d; verifyProof transaction %,d "
                + "(execution %,d)", deployment.getGasUsed(), tx.getGasUsed(),
                tx.getGasUsed().longValueExact() - intrinsic));
        lines.add("");
        lines.add("  step                                                       time");
        for (Step s : steps) {
            lines.add(String.format(Locale.ROOT, "  %-55s %9s%s", s.name(), Ui.seconds(s.time()),
                    s.note().isEmpty() ? "" : "   " + s.note()));
        }
        lines.add(String.format(Locale.ROOT, "  %-55s %9s", "total", Ui.seconds(Duration.ofNanos(System.nanoTime()
                - start))));
        lines.add("");
        lines.add("  files: " + work + (temporary ? " (deleted now; --out DIR keeps them)"
                : ": digits_mlp/ (the bundled model), model/ (compiled model and keys), proof/ (proof.json, "
                        + "public.json, output.json, witness.wtns), Verifier.sol"));
        for (String l : lines) {
            ui.result(l);
        }
    }

    /** Runs one step with progress and its time recorded. */
    private <T> T step(String key, String title, Supplier<T> body) {
        stepNumber++;
        ui.summary("[" + stepNumber + "/" + STEPS + "] " + title + "…");
        try (Progress p = ui.progress("demo " + key)) {
            p.stage(title);
            T result = body.get();
            p.finish();
            steps.add(new Step(title, p.elapsed(), ""));
            return result;
        }
    }

    private void note(String text) {
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.name(), last.time(), text));
    }

    /** Fails fast, before any work, when Node.js or test-chain's packages are missing. */
    private static void checkTools() {
        try {
            NodeTools.locate();
            SolcCompiler.locate();
        } catch (IllegalStateException | CodegenException e) {
            throw new CliException("the demo compiles Solidity with solc-js and runs a Hardhat node, which need "
                    + "Node.js >= 20 and test-chain's npm packages: " + e.getMessage() + " (install Node.js, then run "
                    + "'mvn -B verify' or 'bash test-chain/scripts/install-node-modules.sh' in the repository)", e);
        }
    }

    static void copyResource(String name, Path target) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the demo resource " + RESOURCES + name
                        + " (build it with Maven: the cli module copies examples/models/digits_mlp)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
