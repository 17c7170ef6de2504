package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.r1cs.binfile.BinFileException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path dir;

    /** Every command of the tree, as typed. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of(), List.of("groth16"), List.of("groth16", "setup"), List.of("groth16", "prove"),
            List.of("groth16", "verify"), List.of("zkey"), List.of("zkey", "contribute"), List.of("zkey", "export-vk"),
            List.of("ptau"), List.of("ptau", "new"), List.of("ptau", "contribute"), List.of("ptau", "prepare"),
            List.of("verifier"), List.of("verifier", "solidity"), List.of("verifier", "calldata"), List.of("deploy"),
            List.of("chain"));

    @Test
    void everyCommandHasHelpAndVersion() {
        for (List<String> command : COMMANDS) {
            String[] help = concat(command, "--help");
            CliRun.Result h = run(help);
            assertThat(h.exitCode()).as(String.join(" ", help)).isZero();
            assertThat(h.out()).contains("Usage: zkml4j");
            assertThat(h.err()).isEmpty();

            CliRun.Result v = run(concat(command, "--version"));
            assertThat(v.exitCode()).isZero();
            assertThat(v.out()).startsWith("zkml4j " + VersionProvider.version()).contains("Java ");
        }
        assertThat(VersionProvider.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void rootHelpListsCommandsAndExitCodes() {
        CliRun.Result r = run("--help");
        assertThat(r.out()).contains("groth16").contains("zkey").contains("ptau").contains("verifier")
                .contains("deploy").contains("chain")
                .contains("Exit codes:").contains("1  verify: the proof is invalid");
    }

    @Test
    void usageErrorsExitTwoWithUsageOnStderrOnly() {
        for (String[] args : new String[][] {
            {"qqqq"},
            {"groth16"},
            {"groth16", "prove", "a.zkey"},
            {"groth16", "verify", "--bogus", "a", "b", "c"},
            {"groth16", "verify", "a", "b", "c", "d"}}) {
            CliRun.Result r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("Usage: zkml4j");
        }
        assertThat(run("groth16", "verify", "--bogus", "a", "b", "c").err()).contains("Unknown option: '--bogus'");
        // a near miss gets picocli's suggestion instead of the usage
        CliRun.Result nearMiss = run("setpu");
        assertThat(nearMiss.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nearMiss.err()).contains("Unmatched argument at index 0: 'setpu'").contains("Did you mean");
    }

    @Test
    void verboseAndDebugAddTheStackTrace() {
        String[] args = {"groth16", "verify", abs(dir.resolve("vk.json")), abs(dir.resolve("p.json")),
            abs(dir.resolve("q.json"))};
        CliRun.Result plain = run(args);
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plain.err()).isEqualTo("zkml4j groth16 verify: " + abs(dir.resolve("vk.json"))
                + ": no such file (the verification key)" + System.lineSeparator());

        for (CliRun.Result r : List.of(run(concat(List.of("--verbose"), args)), run(concat(List.of(args), "-v")),
                run(Map.of(Ui.DEBUG_ENV, "1"), args))) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("no such file").contains("\tat io.zkml4j.cli.");
        }
    }

    @Test
    void quietSuppressesSummariesButNotResults() {
        Path zkey = CliRun.fixture(dir, "multiplier.zkey");
        CliRun.Result loud = run("zkey", "contribute", abs(zkey), abs(dir.resolve("a.zkey")));
        CliRun.Result quiet = run("--quiet", "zkey", "contribute", abs(zkey), abs(dir.resolve("b.zkey")));
        assertThat(loud.err()).contains("written to");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains("Contribution Hash: ");
    }

    @Test
    void exceptionsMapToExitCodes() {
        assertThat(ErrorReport.of(new Groth16Exception("proof.json: pi_a[0]: not below q")))
                .isEqualTo(new ErrorReport("proof.json: pi_a[0]: not below q", ExitCodes.BAD_INPUT, false));
        assertThat(ErrorReport.of(new BinFileException("x.wtns: truncated")).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ErrorReport.of(new UncheckedIOException(new NoSuchFileException("/a/b"))).message())
                .isEqualTo("no such file: /a/b");
        assertThat(ErrorReport.of(new IllegalArgumentException("pot.ptau is not prepared")).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
        ErrorReport bug = ErrorReport.of(new NullPointerException("x"));
        assertThat(bug.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(bug.internal()).isTrue();
        assertThat(bug.message()).startsWith("internal error: java.lang.NullPointerException: x");
        ErrorReport oom = ErrorReport.of(new OutOfMemoryError());
        assertThat(oom.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(oom.message()).contains("ZKML4J_JAVA_OPTS=-Xmx");
    }

    @Test
    void anUnexpectedExceptionIsReportedInOneLineWithExitThree() throws Exception {
        Ui ui = new Ui(System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                Ui.ProgressMode.OFF, 80, false, false, Progress.DEFAULT_DELAY, Progress.DEFAULT_INTERVAL);
        CommandLine cl = Main.commandLine(ui);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Ui capturing = new Ui(System.out, new java.io.PrintStream(err, true), Ui.ProgressMode.OFF, 80, false, false,
                Progress.DEFAULT_DELAY, Progress.DEFAULT_INTERVAL);
        int code = Main.commandLine(capturing).getExecutionExceptionHandler().handleExecutionException(
                new IllegalStateException("boom"), cl, null);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("zkml4j: internal error: java.lang.IllegalStateException: boom")
                .contains("--verbose").doesNotContain("\tat ");
    }

    private static String[] concat(List<String> head, String... tail) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
