package io.zkml4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.testchain.NodeProcessException;
import io.zkml4j.testchain.NodeTools;
import io.zkml4j.testchain.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiles Solidity with the solc-js that the repository's {@code test-chain/} npm project pins
 * (0.8.28), by running {@code node test-chain/scripts/compile.js}: standard JSON, optimizer on
 * (200 runs unless {@link #withOptimizerRuns}), {@code evmVersion "cancun"} (the hardfork the
 * Hardhat chain is pinned to). Offline: nothing is downloaded.
 *
 * <p>Imports resolve as absolute paths, then against the repository root, so a generated verifier
 * with {@code import "contracts/interfaces/IZkmlVerifier.sol";} compiles from anywhere; a relative
 * import resolves next to the importing file.
 *
 * <p>Where things are found: the test-chain directory by system property {@code zkml.testchain.dir},
 * environment variable {@code ZKML_TEST_CHAIN_DIR}, or walking up from the working directory;
 * {@code node} (version 20 or newer) by system property {@code zkml.node} or {@code PATH} — test-chain's
 * {@link NodeTools} finds both and runs the script, as it does for snarkjs, circom and Hardhat. Its {@code node_modules} must be installed (the Maven build of
 * {@code test-chain} does that).
 *
 * <p>Immutable and thread-safe; every {@code compile} call starts one short node process (about
 * 2-3 s, most of it loading the 8 MB soljson).
 */
public final class SolcCompiler {

    /** compile.js, relative to the test-chain directory. */
    public static final String SCRIPT = "scripts/compile.js";

    /** The optimizer's {@code runs} setting unless changed. */
    public static final int DEFAULT_OPTIMIZER_RUNS = 200;

    /** Default time limit for one compilation. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    /** How every message about a missing or unusable node starts. */
    static final String REQUIREMENT = "Node.js >= " + NodeTools.MIN_NODE_MAJOR + " is required to compile Solidity: ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile SolcCompiler located;

    private final Path testChainDir;
    private final Path node;
    private final String nodeVersion;
    private final int optimizerRuns;
    private final Duration timeout;

    private SolcCompiler(Path testChainDir, Path node, String nodeVersion, int optimizerRuns, Duration timeout) {
        this.testChainDir = testChainDir;
        this.node = node;
        this.nodeVersion = nodeVersion;
        this.optimizerRuns = optimizerRuns;
        this.timeout = timeout;
    }

    /**
     * Finds test-chain and node as described in the class comment (cached per JVM).
     *
     * @throws CodegenException naming what is missing: {@code "Node.js >= 20 is required to compile
     *     Solidity: ..."}, no test-chain directory, or no installed solc
     */
    public static SolcCompiler locate() {
        SolcCompiler c = located;
        if (c == null) {
            synchronized (SolcCompiler.class) {
                c = located;
                if (c == null) {
                    c = at(codegenError(() -> NodeTools.locateTestChainDir(" (solc-js lives in its node_modules)")),
                            codegenError(() -> NodeTools.locateNode(REQUIREMENT)));
                    located = c;
                }
            }
        }
        return c;
    }

    /**
     * Uses the given test-chain directory and node executable.
     *
     * @throws CodegenException if the directory is not zkml4j's test-chain, its solc is not
     *     installed, or node does not run or is older than 20
     */
    public static SolcCompiler at(Path testChainDir, Path node) {
        Path dir = testChainDir.toAbsolutePath().normalize();
        if (!NodeTools.isTestChainDir(dir)) {
            throw new CodegenException(dir + " is not zkml4j's test-chain directory (expected a package.json named \""
                    + NodeTools.PACKAGE_NAME + "\")");
        }
        if (!Files.isRegularFile(dir.resolve(SCRIPT))) {
            throw new CodegenException(dir.resolve(SCRIPT) + " does not exist");
        }
        if (!Files.isRegularFile(dir.resolve("node_modules/solc/package.json"))) {
            throw new CodegenException("solc-js is not installed in " + dir.resolve("node_modules")
                    + "; install test-chain's npm packages (`mvn -pl test-chain generate-resources`, or `bash "
                    + dir.resolve("scripts/install-node-modules.sh") + "`)");
        }
        Path nodeExe = node.toAbsolutePath();
        String version = codegenError(() -> NodeTools.checkNodeVersion(nodeExe, REQUIREMENT));
        return new SolcCompiler(dir, nodeExe, version, DEFAULT_OPTIMIZER_RUNS, DEFAULT_TIMEOUT);
    }

    /** A copy compiling with the optimizer's {@code runs} set to {@code runs} (at least 1). */
    public SolcCompiler withOptimizerRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("Expected optimizer runs >= 1 but got " + runs);
        }
        return new SolcCompiler(testChainDir, node, nodeVersion, runs, timeout);
    }

    /** A copy allowing {@code timeout} per compilation. */
    public SolcCompiler withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Expected a positive timeout but got " + timeout);
        }
        return new SolcCompiler(testChainDir, node, nodeVersion, optimizerRuns, timeout);
    }

    /** The test-chain directory in use (absolute). */
    public Path testChainDir() {
        return testChainDir;
    }

    /** The repository root: the parent of test-chain, against which {@code contracts/...} imports resolve. */
    public Path repositoryRoot() {
        return testChainDir.getParent();
    }

    /** The optimizer's {@code runs}. */
    public int optimizerRuns() {
        return optimizerRuns;
    }

    /**
     * Compiles {@code sources} together and returns every contract, interface and library they
     * define (not those they only import), in source order then solc's order.
     *
     * @throws CodegenException if solc reports an error (its formatted messages are in the
     *     exception message), a file is missing, two files define a contract of the same name, or
     *     node fails or times out
     */
    public List<CompiledContract> compile(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one .sol file");
        }
        for (Path s : sources) {
            if (!Files.isRegularFile(s)) {
                throw new CodegenException("Solidity source " + s + " does not exist");
            }
        }
        Path out;
        try {
            out = Files.createTempDirectory("zkml4j-solc-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for solc output", e);
        }
        try {
            List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--runs", Integer.toString(optimizerRuns)));
            for (Path s : sources) {
                args.add(s.toAbsolutePath().normalize().toString());
            }
            List<String> command = new ArrayList<>(List.of(node.toString(), testChainDir.resolve(SCRIPT).toString()));
            command.addAll(args);
            ProcessResult r;
            try {
                r = NodeTools.execute(command, testChainDir, timeout);
            } catch (NodeProcessException e) {
                throw new CodegenException(e.getMessage(), e);
            }
            if (r.exitCode() != 0) {
                String message = r.stderr().strip();
                throw new CodegenException("Solidity compilation failed (exit " + r.exitCode() + ") for "
                        + sources + ":\n" + (message.isEmpty() ? r.stdout().strip() : message)
                        + "\ncommand: " + r.commandLine());
            }
            JsonNode summary;
            try {
                summary = JSON.readTree(r.stdout());
            } catch (IOException e) {
                throw new CodegenException("compile.js printed no JSON summary: " + r.stdout().strip()
                        + "\ncommand: " + r.commandLine(), e);
            }
            List<CompiledContract> contracts = new ArrayList<>();
            for (JsonNode c : summary.path("contracts")) {
                contracts.add(CompiledContract.read(Path.of(c.path("file").asText())));
            }
            return List.copyOf(contracts);
        } finally {
            deleteRecursively(out);
        }
    }

    /**
     * Compiles {@code source} (plus whatever it imports) and returns its contract named
     * {@code contractName}.
     *
     * @throws CodegenException as {@link #compile(List)}, or if the file defines no such contract
     */
    public CompiledContract compile(Path source, String contractName) {
        Objects.requireNonNull(contractName, "contractName");
        List<CompiledContract> all = compile(List.of(source));
        return all.stream()
                .filter(c -> c.contractName().equals(contractName))
                .findFirst()
                .orElseThrow(() -> new CodegenException(source + " defines no contract named " + contractName
                        + "; it defines " + all.stream().map(CompiledContract::contractName).toList()));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    @Override
    public String toString() {
        return "SolcCompiler[" + testChainDir + ", node " + nodeVersion + ", runs " + optimizerRuns + "]";
    }

    /** {@code lookup}'s result; its IllegalStateException (what is missing, and how to get it) as a CodegenException. */
    private static <T> T codegenError(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalStateException e) {
            throw new CodegenException(e.getMessage(), e);
        }
    }
}
