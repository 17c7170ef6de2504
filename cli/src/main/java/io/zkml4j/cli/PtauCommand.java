package io.zkml4j.cli;

import io.zkml4j.groth16.ptau.PowersOfTau;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code zkml4j ptau new|contribute|prepare}: local powers-of-tau ceremonies for development. Each
 * prints {@link #WARNING} first.
 */
@Command(name = "ptau",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Local powers-of-tau ceremonies (.ptau, the snarkjs format), FOR DEVELOPMENT ONLY.",
            "A ceremony run on one machine is no substitute for a public multi-party ceremony: whoever controls "
                    + "the machine can forge proofs for every circuit set up from it."
        },
        subcommands = {PtauCommand.New.class, PtauCommand.Contribute.class, PtauCommand.Prepare.class})
final class PtauCommand {

    static final String WARNING = String.join(System.lineSeparator(),
            "WARNING: this is a LOCAL powers-of-tau ceremony, for development and tests only.",
            "WARNING: whoever controls this machine can learn its secrets and forge proofs for every circuit",
            "WARNING: set up from the result. It is no substitute for a public multi-party ceremony: for",
            "WARNING: production use a public ceremony's file (e.g. the Perpetual Powers of Tau ones).");

    @Command(name = "new",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Starts a ceremony for circuits of up to 2^power constraints (snarkjs powersoftau new "
                    + "bn128). Prints the first contribution hash. Insecure until contributed to.")
    static final class New implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<power>", description = "1 to 28: circuits of up to 2^power constraints.")
        int power;

        @Parameters(index = "1", paramLabel = "<out.ptau>", description = "The file to write.")
        Path outPath;

        New(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            if (power < 1 || power > PtauFile.MAX_POWER) {
                throw new CliException("<power> must be between 1 and " + PtauFile.MAX_POWER + " but is " + power);
            }
            ui.checkOutput(outPath, "the powers of tau");
            ui.warn(WARNING);
            byte[] hash;
            Duration took;
            try (Progress p = ui.progress("ptau new")) {
                p.stage("writing " + outPath.getFileName());
                hash = PowersOfTau.newCeremony(power, outPath);
                p.finish();
                took = p.elapsed();
            }
            ui.result(SnarkjsEncoding.formatHash(hash, "First Contribution Hash:"));
            ui.summary("powers of tau (power " + power + ", no contribution yet) written to " + outPath + " ("
                    + Ui.seconds(took) + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "contribute",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Adds a contribution (snarkjs powersoftau contribute; snarkjs powersoftau verify accepts "
                    + "the result). Prints the response and next challenge hashes. The output is not prepared: "
                    + "run 'ptau prepare' afterwards.")
    static final class Contribute implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<in.ptau>", description = "The ceremony so far.")
        Path inPath;

        @Parameters(index = "1", paramLabel = "<out.ptau>", description = "The file to write.")
        Path outPath;

        @Mixin
        ContributorOptions contributor = new ContributorOptions();

        Contribute(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(inPath, "the powers of tau");
            ui.checkOutput(outPath, "the new powers of tau");
            contributor.validate();
            ui.warn(WARNING);
            SecureRandom random = new SecureRandom();
            PowersOfTau.ContributionResult result;
            Duration took;
            try (Progress p = ui.progress("ptau contribute")) {
                p.stage("contributing");
                result = PowersOfTau.contribute(inPath, outPath, contributor.name, contributor.entropyText(random),
                        random);
                p.finish();
                took = p.elapsed();
            }
            ui.result(SnarkjsEncoding.formatHash(result.responseHash(), "Contribution Response Hash imported: "));
            ui.result(SnarkjsEncoding.formatHash(result.nextChallengeHash(), "Next Challenge Hash: "));
            ui.summary("contribution written to " + outPath + " (" + Ui.seconds(took) + "); run 'zkml4j ptau "
                    + "prepare' on it before 'groth16 setup'");
            return ExitCodes.OK;
        }
    }

    @Command(name = "prepare",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Prepares a ceremony for phase 2 (snarkjs powersoftau prepare phase2, byte for byte): "
                    + "adds the Lagrange-basis sections groth16 setup reads. Seconds at power 8, minutes at 16.")
    static final class Prepare implements Callable<Integer> {

        private final Ui ui;

        @Parameters(index = "0", paramLabel = "<in.ptau>", description = "The ceremony.")
        Path inPath;

        @Parameters(index = "1", paramLabel = "<out.ptau>", description = "The prepared file to write.")
        Path outPath;

        Prepare(Ui ui) {
            this.ui = ui;
        }

        @Override
        public Integer call() {
            CliFiles.checkInput(inPath, "the powers of tau");
            ui.checkOutput(outPath, "the prepared powers of tau");
            ui.warn(WARNING);
            Duration took;
            try (Progress p = ui.progress("ptau prepare")) {
                p.stage("computing the Lagrange bases");
                PowersOfTau.preparePhase2(inPath, outPath);
                p.finish();
                took = p.elapsed();
            }
            ui.summary("prepared powers of tau written to " + outPath + " (" + Ui.seconds(took) + ")");
            return ExitCodes.OK;
        }
    }
}
