package io.zkml4j.testchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
  * Typed wrappers around the snarkjs command line of the pinned npm package (test-chain's
  * package.json), run as {@code node node_modules/snarkjs/build/cli.cjs <command> ...}.
  *
  * <p>Facts about that command line this class relies on (snarkjs 0.7.6):
  * <ul>
  *   <li>Options take their value after {@code =} only ({@code --name=X}, {@code -e=X}); a value
  *       after a space would be read as one more positional argument.
  *   <li>Contributions ({@code powersoftau contribute}, {@code zkey contribute}) read entropy from
  *       {@code -e=}; without it snarkjs asks on the terminal, so entropy is mandatory here.
  *   <li>{@code zkey verify r1cs} cannot be typed in full: its alias {@code zkey verify} matches
  *       first and takes {@code r1cs} as the first file, so this class uses {@code zkey verify}.
  *   <li>Exit codes: 0 success; 1 a thrown error (logged with its stack) <em>or</em> a negative
  *       verification; 99 wrong number of arguments (usage printed). Logs go to stdout.
  * </ul>
  *
  * <p>All paths are passed as absolute paths. Output files are overwritten. Every method throws
  * {@link NodeProcessException}, naming the command and quoting snarkjs's output, when snarkjs
  * fails or runs longer than the timeout.
  */
public final class Snarkjs {

    /** Path of the snarkjs executable script inside node_modules ({@code bin.snarkjs}). */
    public static final String CLI = "snarkjs/build/cli.cjs";

    /** Default per-command timeout; generous for 2 shared cores. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** Curve name snarkjs uses for BN254. */
    private static final String CURVE = "bn128";

    /** A stack-trace frame in snarkjs's output marks a thrown error, not a negative answer. */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at \\S");

    private final NodeTools tools;
    private final Path cli;
    private final Duration timeout;

    private Snarkjs(NodeTools tools, Duration timeout) {
        this.tools = tools;
        this.cli = tools.packageFile(CLI);
        this.timeout = timeout;
    }

    /** snarkjs from the located test-chain ({@link NodeTools#locate()}). */
    public static Snarkjs locate() {
        return new Snarkjs(NodeTools.locate(), DEFAULT_TIMEOUT);
    }

    /** snarkjs from the given tools. */
    public static Snarkjs using(NodeTools tools) {
        return new Snarkjs(tools, DEFAULT_TIMEOUT);
    }

    /** A copy that allows each command {@code timeout}. */
    public Snarkjs withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Expected a positive timeout but got " + timeout);
        }
        return new Snarkjs(tools, timeout);
    }

    /** The tools this instance runs with. */
    public NodeTools tools() {
        return tools;
    }

    // ---- Circuits and witnesses ----

    /** Statistics of an .r1cs file as printed by {@code snarkjs r1cs info}. */
    public record R1csInfo(
            String curve,
            int wires,
            int constraints,
            int privateInputs,
            int publicInputs,
            int labels,
            int outputs) {}

    /** {@code snarkjs r1cs info <circuit.r1cs>}. */
    public R1csInfo r1csInfo(Path r1cs) {
        ProcessResult result = run("r1cs", "info", abs(r1cs));
        String out = result.stdout();
        try {
            return new R1csInfo(
                    field(out, "Curve"),
                    intField(out, "# of Wires"),
                    intField(out, "# of Constraints"),
                    intField(out, "# of Private Inputs"),
                    intField(out, "# of Public Inputs"),
                    intField(out, "# of Labels"),
                    intField(out, "# of Outputs"));
        } catch (IllegalStateException e) {
            throw NodeProcessException.unexpected(
                    result, "Unexpected `r1cs info` output (" + e.getMessage() + ")");
        }
    }

    /** {@code snarkjs wtns calculate <circuit.wasm> <input.json> <witness.wtns>}. */
    public void wtnsCalculate(Path wasm, Path inputJson, Path witnessOut) {
        run("wtns", "calculate", abs(wasm), abs(inputJson), abs(witnessOut));
    }

    /** {@code snarkjs wtns export json <witness.wtns> <witness.json>}: the witness as decimal strings. */
    public void wtnsExportJson(Path witness, Path jsonOut) {
        run("wtns", "export", "json", abs(witness), abs(jsonOut));
    }

    // ---- Powers of tau (phase 1) ----

    /** {@code snarkjs powersoftau new bn128 <power> <out.ptau>}: an empty ceremony for 2^power constraints. */
    public void powersOfTauNew(int power, Path ptauOut) {
        if (power < 1 || power > 28) {
            throw new IllegalArgumentException("Expected a power of tau in [1, 28] but got " + power);
        }
        run("powersoftau", "new", CURVE, Integer.toString(power), abs(ptauOut));
    }

    /**
      * {@code snarkjs powersoftau contribute <in.ptau> <out.ptau> --name=<name> -e=<entropy>}.
      * snarkjs mixes the entropy with fresh random bytes, so the output is not reproducible.
      */
    public void powersOfTauContribute(Path ptauIn, Path ptauOut, String name, String entropy) {
        run(
                "powersoftau", "contribute", abs(ptauIn), abs(ptauOut),
                nameOption(name), entropyOption(entropy));
    }

    /** {@code snarkjs powersoftau prepare phase2 <in.ptau> <out.ptau>}. */
    public void powersOfTauPreparePhase2(Path ptauIn, Path ptauOut) {
        run("powersoftau", "prepare", "phase2", abs(ptauIn), abs(ptauOut));
    }

    /**
      * A phase-2-ready BN254 powers-of-tau file for circuits of up to 2^power constraints, from the
      * cache ({@code test-chain/.cache/ptau/}), made on first use with one contribution. For tests
      * only: its toxic waste is not destroyed in any meaningful sense.
      */
    public Path cachedPreparedPtau(int power) {
        Path dir = tools.cacheDir("ptau");
        Path target = dir.resolve(CURVE + "_" + power + "_prepared.ptau");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path work;
        try {
            work = Files.createTempDirectory(dir, "make-" + power + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory in " + dir, e);
        }
        try {
            Path p0 = work.resolve("pot_0000.ptau");
            Path p1 = work.resolve("pot_0001.ptau");
            Path prepared = work.resolve("prepared.ptau");
            powersOfTauNew(power, p0);
            powersOfTauContribute(
                    p0, p1, "zkml4j test cache", "zkml4j test-only entropy " + System.nanoTime());
            powersOfTauPreparePhase2(p1, prepared);
            moveIntoPlace(prepared, target);
            return target;
        } finally {
            deleteTree(work);
        }
    }

    // ---- Groth16 keys (phase 2) ----

    /** {@code snarkjs groth16 setup <circuit.r1cs> <prepared.ptau> <circuit_0000.zkey>}. */
    public void groth16Setup(Path r1cs, Path preparedPtau, Path zkeyOut) {
        run("groth16", "setup", abs(r1cs), abs(preparedPtau), abs(zkeyOut));
    }

    /** {@code snarkjs zkey contribute <old.zkey> <new.zkey> --name=<name> -e=<entropy>}. */
    public void zkeyContribute(Path zkeyIn, Path zkeyOut, String name, String entropy) {
        run("zkey", "contribute", abs(zkeyIn), abs(zkeyOut), nameOption(name), entropyOption(entropy));
    }

    /**
      * {@code snarkjs zkey verify <circuit.r1cs> <prepared.ptau> <circuit.zkey>}: whether the zkey's
      * contributions chain correctly and it matches the circuit and the powers of tau.
      *
      * @return true when snarkjs prints "ZKey Ok!", false when it reports a mismatch
      * @throws NodeProcessException when snarkjs fails for another reason (missing or corrupt file)
      */
    public boolean zkeyVerify(Path r1cs, Path preparedPtau, Path zkey) {
        return verdict(exec("zkey", "verify", abs(r1cs), abs(preparedPtau), abs(zkey)), "ZKey Ok!");
    }

    /** {@code snarkjs zkey export verificationkey <circuit.zkey> <verification_key.json>}. */
    public void zkeyExportVerificationKey(Path zkey, Path verificationKeyOut) {
        run("zkey", "export", "verificationkey", abs(zkey), abs(verificationKeyOut));
    }

    /**
      * {@code snarkjs zkey export solidityverifier <circuit.zkey> <verifier.sol>}. The output is
      * snarkjs's GPL-3.0 template: a reference to test against, not code to ship.
      */
    public void zkeyExportSolidityVerifier(Path zkey, Path solidityOut) {
        run("zkey", "export", "solidityverifier", abs(zkey), abs(solidityOut));
    }

    // ---- Proofs ----

    /** {@code snarkjs groth16 prove <circuit.zkey> <witness.wtns> <proof.json> <public.json>}. */
    public void groth16Prove(Path zkey, Path witness, Path proofOut, Path publicOut) {
        run("groth16", "prove", abs(zkey), abs(witness), abs(proofOut), abs(publicOut));
    }

    /**
      * {@code snarkjs groth16 verify <verification_key.json> <public.json> <proof.json>}.
      *
      * @return true when snarkjs accepts the proof ("OK!"), false when it rejects it (invalid proof,
      *     public inputs outside the field, points off the curve)
      * @throws NodeProcessException when snarkjs fails for another reason (missing file, bad JSON)
      */
    public boolean groth16Verify(Path verificationKey, Path publicJson, Path proofJson) {
        return verdict(
                exec("groth16", "verify", abs(verificationKey), abs(publicJson), abs(proofJson)), "OK!");
    }

    // ---- Plumbing ----

    private ProcessResult run(String... args) {
        return exec(args).requireSuccess();
    }

    private ProcessResult exec(String... args) {
        return tools.exec(tools.testChainDir(), cli, List.of(args), timeout);
    }

    /** Exit 0 with the success line → true; exit 1 without a thrown error → false; else throw. */
    private static boolean verdict(ProcessResult result, String successLine) {
        if (result.exitCode() == 0) {
            if (!result.stdout().contains(successLine)) {
                throw NodeProcessException.unexpected(
                        result, "snarkjs exited 0 without printing \"" + successLine + "\"");
            }
            return true;
        }
        if (result.exitCode() == 1 && !STACK_FRAME.matcher(result.output()).find()) {
            return false;
        }
        throw NodeProcessException.failed(result);
    }

    private static String nameOption(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Expected a non-blank contribution name");
        }
        return "--name=" + name;
    }

    private static String entropyOption(String entropy) {
        Objects.requireNonNull(entropy, "entropy");
        if (entropy.isBlank()) {
            // snarkjs would prompt on the terminal for it, and with no terminal wait forever.
            throw new IllegalArgumentException("Expected non-blank entropy: snarkjs prompts without it");
        }
        return "-e=" + entropy;
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** The value on snarkjs's log line {@code "<label>: <value>"}. */
    private static String field(String output, String label) {
        Matcher m = Pattern.compile("(?m)" + Pattern.quote(label) + ":\\s*(\\S+)\\s*$").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + label + ":\" line");
        }
        return m.group(1);
    }

    private static int intField(String output, String label) {
        String value = field(output, label);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("\"" + label + "\" is not a number: " + value);
        }
    }

    static void moveIntoPlace(Path source, Path target) {
        try {
            try {
                Files.move(
                        source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + source + " to " + target, e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
