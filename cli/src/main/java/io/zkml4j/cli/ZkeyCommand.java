package io.zkml4j.cli;

import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.setup.ZkeyContribution;
import io.zkml4j.groth16.zkey.ZkeyFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code zkml4j zkey contribute|export-vk}. */
@Command(name = "zkey",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Groth16 proving keys (.zkey): phase-2 contributions and the verification key.",
        subcommands = {ZkeyCommand.Contribute.class, ZkeyCommand.ExportVk.class})
final class ZkeyCommand {

    @Command(name = "contribute",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Adds a phase-2 contribution to a proving key, as snarkjs zkey contribute does "
                        + "(snarkjs zkey verify accepts the result). Prints the circuit hash and the contribution "
                        + "hash as snarkjs does.",
                "The secret is drawn from 64 fresh bytes of the operating system's secure random generator, mixed "
                        + "with --entropy if given; it is never asked for on the terminal."
            })
    static final class Contribute implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<in.zkey>", description = "The key to contribute to.")
        Path inPath;

        @Parameters(index = "1", paramLabel = "<out.zkey>", description = "The key to write.")
        Path outPath;

        @Mixin
        ContributorOptions contributor = new ContributorOptions();

        Contribute(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(inPath, "the proving key");
            ui.checkOutput(outPath, "the new proving key");
            contributor.validate();
            SecureRandom random = new SecureRandom();
            ZkeyContribution.Result result;
            Duration took;
            try (Progress p = ui.progress("zkey contribute")) {
                p.stage("reading " + inPath.getFileName());
                ProvingKey key = ZkeyFile.read(inPath);
                p.stage("contributing");
                result = ZkeyContribution.contribute(key, contributor.name, contributor.entropyText(random), random);
                p.stage("writing " + outPath.getFileName());
                ZkeyFile.write(result.key(), outPath);
                p.finish();
                took = p.elapsed();
            }
            ZkeyContribution.Transcript transcript = ZkeyContribution.parse(result.key().contributions());
            ui.result(SnarkjsEncoding.formatHash(transcript.circuitHash(), "Circuit Hash: "));
            ui.result(result.formattedHash());
            String name = contributor.name;
            ui.summary("contribution #" + transcript.records().size() + (name == null ? "" : " (" + name + ")")
                    + " written to " + outPath + " (" + Ui.seconds(took) + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "export-vk",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Writes the verification key of a proving key "
                    + "(as snarkjs zkey export verificationkey, byte for byte).")
    static final class ExportVk implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<circuit.zkey>", description = "The proving key.")
        Path zkeyPath;

        @Parameters(index = "1", paramLabel = "<verification_key.json>", description = "The file to write.")
        Path vkPath;

        ExportVk(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(zkeyPath, "the proving key");
            ui.checkOutput(vkPath, "the verification key");
            Duration took;
            try (Progress p = ui.progress("zkey export-vk")) {
                p.stage("reading " + zkeyPath.getFileName());
                ProvingKey key = ZkeyFile.read(zkeyPath);
                p.stage("writing " + vkPath.getFileName());
                CliFiles.writeTextFiles(Map.of(vkPath, SnarkjsJson.verificationKeyJson(key.verifyingKey())));
                p.finish();
                took = p.elapsed();
            }
            ui.summary("verification key written to " + vkPath + " (" + Ui.seconds(took) + ")");
            return ExitCodes.OK;
        }
    }
}
