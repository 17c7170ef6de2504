package io.zkml4j.cli;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zkml4j verifier calldata} (and, with the codegen module, {@code verifier solidity}). */
@Command(name = "verifier",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "On-chain verification: the calldata of a proof for a Solidity verifier.",
        subcommands = {VerifierCommand.Calldata.class})
final class VerifierCommand {

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
