package io.zkml4j.cli;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.SolidityExportOptions;
import io.zkml4j.codegen.VerifierTemplateModel;
import io.zkml4j.codegen.Verifiers;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zkml4j verifier solidity} and {@code zkml4j verifier calldata}. */
@Command(name = "verifier",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "On-chain verification: a Solidity verifier for a verification key, and the calldata of a "
                + "proof for it.",
        subcommands = {VerifierCommand.Solidity.class, VerifierCommand.Calldata.class})
final class VerifierCommand {

    @Command(name = "solidity",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Writes a Solidity Groth16 verifier (BN254 precompiles) for a snarkjs verification_key.json.",
                "The contract has verifyProof(uint256[8],uint256[]) (IZkmlVerifier) and snarkjs's "
                        + "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N]). Refuses a key whose gamma "
                        + "equals its delta (no phase-2 contribution: anyone could forge proofs) unless "
                        + "--allow-insecure-key. Needs no Node.js."
            })
    static final class Solidity implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<verification_key.json>", description = "The verification key.")
        Path vkPath;

        @Parameters(index = "1", paramLabel = "<Verifier.sol>", description = "The Solidity file to write.")
        Path solPath;

        @Option(names = "--contract-name", paramLabel = "NAME",
                description = "The contract's name (default: ${DEFAULT-VALUE}).")
        String contractName = SolidityExportOptions.DEFAULT_CONTRACT_NAME;

        @Option(names = "--pragma", paramLabel = "P",
                description = "The version expression after `pragma solidity` (default: ${DEFAULT-VALUE}; the code "
                        + "needs 0.8.20 or newer).")
        String pragma = SolidityExportOptions.DEFAULT_PRAGMA;

        @Option(names = "--standalone",
                description = "One self-contained file: do not import and implement "
                        + "contracts/interfaces/IZkmlVerifier.sol (the import resolves against the zkml4j "
                        + "repository, which `zkml4j deploy` compiles in; other tool chains may need a remapping).")
        boolean standalone;

        @Option(names = "--allow-insecure-key",
                description = "Accept a key with gamma = delta (a development setup nobody contributed to).")
        boolean allowInsecureKey;

        Solidity(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            SolidityExportOptions options = exportOptions(contractName, pragma, standalone, allowInsecureKey);
            CliFiles.checkInput(vkPath, "the verification key");
            ui.checkOutput(solPath, "the verifier");
            CliFiles.checkDistinct(vkPath, solPath);
            VerifierTemplateModel model = Verifiers.writeSolidity(vkPath, solPath, options);
            ui.summary("verifier " + options.contractName() + " (" + model.publicInputCount()
                    + " public inputs) written to " + solPath);
            return ExitCodes.OK;
        }
    }

    /**
     * The generator options from the command's flags.
     *
     * @throws CliException naming the flag whose value the generator refuses
     */
    static SolidityExportOptions exportOptions(String contractName, String pragma, boolean standalone,
                                               boolean allowInsecureKey) {
        SolidityExportOptions.Builder b = SolidityExportOptions.builder()
                .implementsInterface(!standalone)
                .allowGammaEqualsDelta(allowInsecureKey);
        try {
            b.contractName(contractName);
        } catch (IllegalArgumentException e) {
            throw new CliException("--contract-name " + contractName + ": " + e.getMessage(), e);
        }
        try {
            b.pragma(pragma);
        } catch (IllegalArgumentException e) {
            throw new CliException("--pragma " + pragma + ": " + e.getMessage(), e);
        }
        return b.build();
    }

    @Command(name = "calldata",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Prints the Solidity calldata of a proof and its public signals on stdout, in the text "
                    + "format of snarkjs zkey export soliditycalldata: a, b (G2 imaginary part first), c, inputs.")
    static final class Calldata implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<proof.json>", description = "The proof.")
        Path proofPath;

        @Parameters(index = "1", paramLabel = "<public.json>", description = "The public signals.")
        Path publicPath;

        Calldata(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(proofPath, "the proof");
            CliFiles.checkInput(publicPath, "the public signals");
            Proof proof = SnarkjsJson.readProof(proofPath);
            List<Fr> inputs = SnarkjsJson.readPublicSignals(publicPath);
            ui.out().print(EvmEncoding.solidityCalldata(proof, inputs) + "\n");
            ui.out().flush();
            return ExitCodes.OK;
        }
    }
}
