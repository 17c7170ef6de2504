package io.zkml4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code zkml4j}: the root of the command tree. Each group or command is one class ({@link Groth16Command},
 * {@link ZkeyCommand}, {@link PtauCommand}, {@link VerifierCommand}, {@link DeployCommand},
 * {@link ChainCommand}, and the model commands {@link DemoCommand}, {@link CompileCommand},
 * {@link WitnessCommand}, {@link SetupCommand}, {@link ProveCommand}); new commands join the
 * {@code subcommands} list the same way.
 */
@Command(name = "zkml4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Zero-knowledge proofs of ML inference, verified on Ethereum, in pure Java. Start with 'zkml4j demo'.",
            "Groth16 over BN254 with the circom/snarkjs file formats: the groth16, zkey and ptau commands take the "
                    + "same arguments as their snarkjs counterparts, so either tool can replace the other in a script."
        },
        subcommands = {
            DemoCommand.class,
            CompileCommand.class,
            WitnessCommand.class,
            SetupCommand.class,
            ProveCommand.class,
            Groth16Command.class,
            ZkeyCommand.class,
            PtauCommand.class,
            VerifierCommand.class,
            DeployCommand.class,
            ChainCommand.class,
            AotTrainingCommand.class,
            HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success (verify: the proof is valid)",
            "  1  verify: the proof is invalid",
            "  2  bad usage or bad input (the message names the file and the problem)",
            "  3  internal error (a bug, or out of memory)",
            "",
            "Results for scripts (hashes, calldata, OK!) go to stdout; progress and summaries to stderr.",
            "Environment: ZKML4J_PROGRESS=auto|bar|plain|off, ZKML4J_DEBUG=1 (stack traces), "
                    + "ZKML4J_JAVA_OPTS (JVM options) and ZKML4J_SIMD=auto|1|0 (vector kernels when proving; "
                    + "auto: keys of 256 MiB and more on AVX-512 CPUs), both read by the launcher."
        })
final class RootCommand {

    private final Ui ui;

    RootCommand(Ui ui) {
        this.ui = ui;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors (as ZKML4J_DEBUG=1 does).")
    void verbose(boolean on) {
        if (on) { // picocli also applies the default (false) when it meets a subcommand: keep the first true
            ui.setVerbose();
        }
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress and no summary lines on stderr (errors and warnings still appear).")
    void quiet(boolean on) {
        if (on) {
            ui.setQuiet();
        }
    }
}
