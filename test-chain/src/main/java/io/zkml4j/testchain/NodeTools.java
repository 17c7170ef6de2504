package io.zkml4j.testchain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
  * Finds the repository's {@code test-chain/} npm project and a Node.js executable, and runs Node
  * scripts (snarkjs, circom2, Hardhat) from its {@code node_modules} as child processes.
  *
  * <p>Everything runs offline: the scripts come from the {@code node_modules} that the Maven build
  * installed with {@code npm ci} (see {@code test-chain/scripts/install-node-modules.sh}); nothing
  * is fetched, and {@code npx} is never used.
  *
  * <p>Lookup order for the test-chain directory: the system property {@value #DIR_PROPERTY}, the
  * environment variable {@code ZKML_TEST_CHAIN_DIR}, then the nearest directory, walking up from
  * the working directory, that is (or has a child {@code test-chain/} that is) the npm project
  * named {@value #PACKAGE_NAME}. Surefire and Failsafe run in a module's directory, so the walk
  * finds it from any module. For {@code node}: the system property {@value #NODE_PROPERTY}, else
  * the first {@code node} on {@code PATH}; it must be version {@value #MIN_NODE_MAJOR} or newer.
  *
  * <p>Instances are immutable and thread-safe; processes started through one are independent.
  */
public final class NodeTools {

    /** System property naming the test-chain directory explicitly. */
    public static final String DIR_PROPERTY = "zkml.testchain.dir";

    /** System property naming the {@code node} executable explicitly. */
    public static final String NODE_PROPERTY = "zkml.node";

    /** Oldest Node.js major version the pinned packages are tested with. */
    public static final int MIN_NODE_MAJOR = 20;

    /** The {@code name} in test-chain/package.json, used to recognise the directory. */
    public static final String PACKAGE_NAME = "zkml4j-test-chain";

    /** Written by install-node-modules.sh after a successful {@code npm ci}. */
    static final String INSTALL_STAMP = ".zkml4j-install-stamp";

    static final String REQUIREMENT =
            "Node.js >= " + MIN_NODE_MAJOR + " and npm are required for the interop tests: ";

    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Pattern PACKAGE_NAME_FIELD =
            Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(PACKAGE_NAME) + "\"");
    private static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static volatile NodeTools located;

    private final Path testChainDir;
    private final Path node;
    private final String nodeVersion;

    private NodeTools(Path testChainDir, Path node, String nodeVersion) {
        this.testChainDir = testChainDir;
        this.node = node;
        this.nodeVersion = nodeVersion;
    }

    /**
      * Locates the test-chain directory and {@code node} as described in the class comment, and
      * checks that node_modules is installed. The result is cached for the JVM.
      *
      * @throws IllegalStateException naming what is missing and how to get it
      */
    public static NodeTools locate() {
        NodeTools tools = located;
        if (tools == null) {
            synchronized (NodeTools.class) {
                tools = located;
                if (tools == null) {
                    tools = at(locateTestChainDir(""), locateNode(REQUIREMENT));
                    located = tools;
                }
            }
        }
        return tools;
    }

    /**
      * Uses the given test-chain directory and {@code node} executable.
      *
      * @throws IllegalStateException if the directory is not the installed npm project, or node
      *     does not run or is older than {@value #MIN_NODE_MAJOR}
      */
    public static NodeTools at(Path testChainDir, Path node) {
        Path dir = testChainDir.toAbsolutePath().normalize();
        if (!isTestChainDir(dir)) {
            throw new IllegalStateException(
                    dir + " is not zkml4j's test-chain directory (expected a package.json named \""
                            + PACKAGE_NAME + "\")");
        }
        if (!Files.isRegularFile(dir.resolve("node_modules").resolve(INSTALL_STAMP))) {
            throw new IllegalStateException(
                    dir.resolve("node_modules") + " is not installed. The Maven build installs it "
                            + "(`mvn -pl test-chain generate-resources`); by hand: `bash "
                            + dir.resolve("scripts/install-node-modules.sh") + "`.");
        }
        String version = checkNodeVersion(node.toAbsolutePath(), REQUIREMENT);
        return new NodeTools(dir, node.toAbsolutePath(), version);
    }

    // ---- Locations ----

    /** The test-chain directory (absolute, normalised). */
    public Path testChainDir() {
        return testChainDir;
    }

    /** {@code test-chain/node_modules}. */
    public Path nodeModules() {
        return testChainDir.resolve("node_modules");
    }

    /** The {@code node} executable in use. */
    public Path node() {
        return node;
    }

    /** Its version, e.g. {@code "20.20.2"}. */
    public String nodeVersion() {
        return nodeVersion;
    }

    /**
      * A file inside node_modules, e.g. {@code packageFile("snarkjs/build/cli.cjs")}.
      *
      * @throws IllegalStateException if it does not exist (the package or its layout changed)
      */
    public Path packageFile(String relativePath) {
        Path file = nodeModules().resolve(relativePath).normalize();
        if (!file.startsWith(nodeModules())) {
            throw new IllegalArgumentException("Expected a path inside node_modules but got " + relativePath);
        }
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    file + " does not exist: test-chain/package.json pins the version whose layout this "
                            + "harness expects; reinstall with `bash "
                            + testChainDir.resolve("scripts/install-node-modules.sh") + " --force`.");
        }
        return file;
    }

    /**
      * A directory for expensive generated artifacts that outlive one test run (powers of tau,
      * compiled circuits): {@code test-chain/.cache/<parts...>}, git-ignored, created if absent.
      * Writers must tolerate concurrent readers, e.g. by writing to a temporary name and moving.
      */
    public Path cacheDir(String... parts) {
        Path dir = testChainDir.resolve(".cache");
        for (String part : parts) {
            dir = dir.resolve(part);
        }
        dir = dir.normalize();
        if (!dir.startsWith(testChainDir.resolve(".cache"))) {
            throw new IllegalArgumentException("Expected a path inside .cache but got " + List.of(parts));
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create cache directory " + dir, e);
        }
    }

    // ---- Running scripts ----

    /**
      * Runs {@code node <script> <args...>} in {@code workingDir} and returns its result whatever the
      * exit code. Standard input is empty, so a script that asks a question gets end-of-file.
      *
      * @throws NodeProcessException if it has not exited after {@code timeout} (it and its child
      *     processes are then killed)
      */
    public ProcessResult exec(Path workingDir, Path script, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(node.toString());
        command.add(script.toString());
        command.addAll(args);
        return execute(command, workingDir, timeout);
    }

    /**
      * Like {@link #exec} but requires exit code 0.
      *
      * @throws NodeProcessException on a non-zero exit or a timeout, with the command line and the
      *     process's stderr and stdout in the message
      */
    public ProcessResult run(Path workingDir, Path script, List<String> args, Duration timeout) {
        return exec(workingDir, script, args, timeout).requireSuccess();
    }

    /**
     * Runs {@code command} in {@code workingDir} and returns its result whatever the exit code; standard
     * input is empty and the output goes through temporary files (no pipe can fill up). For commands that
     * are not {@code node <script>} run from this instance's project (codegen runs solc-js this way).
     *
     * @throws NodeProcessException if it cannot start, or has not exited after {@code timeout} (it and its
     *     child processes are then killed)
     */
    public static ProcessResult execute(List<String> command, Path workingDir, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!Files.isDirectory(workingDir)) {
            throw new IllegalArgumentException("Working directory " + workingDir + " does not exist");
        }
        Path logs;
        try {
            logs = Files.createTempDirectory("zkml4j-node-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for process output", e);
        }
        // Output goes to files, not pipes: nothing can block on a full pipe, and nothing is lost when
        // the process has to be killed.
        Path out = logs.resolve("stdout");
        Path err = logs.resolve("stderr");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workingDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().put("NO_COLOR", "1");
        long start = System.nanoTime();
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new NodeProcessException(
                        "Cannot start " + NodeProcessException.commandLine(command) + ": " + e.getMessage(),
                        new ProcessResult(command, -1, "", "", Duration.ZERO),
                        e);
            }
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new NodeProcessException(
                        "Interrupted while running " + NodeProcessException.commandLine(command),
                        collect(command, -1, out, err, start),
                        e);
            }
            if (!exited) {
                kill(process);
                throw NodeProcessException.timedOut(collect(command, -1, out, err, start), timeout);
            }
            return collect(command, process.exitValue(), out, err, start);
        } finally {
            deleteQuietly(logs);
        }
    }

    /** Removes ANSI colour and cursor escapes. */
    static String stripAnsi(String text) {
        return ANSI_ESCAPE.matcher(text).replaceAll("");
    }

    // ---- Lookup ----

    /**
     * The test-chain directory: the system property {@value #DIR_PROPERTY}, the environment variable
     * {@code ZKML_TEST_CHAIN_DIR}, else the nearest one at or above the working directory.
     *
     * @param why words for the "cannot find" message, after "test-chain directory", e.g. {@code " (solc-js
     *     lives in its node_modules)"}; may be empty
     * @throws IllegalStateException if a named directory is not test-chain, or none is found
     */
    public static Path locateTestChainDir(String why) {
        String explicit = System.getProperty(DIR_PROPERTY);
        String source = "system property " + DIR_PROPERTY;
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv("ZKML_TEST_CHAIN_DIR");
            source = "environment variable ZKML_TEST_CHAIN_DIR";
        }
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath().normalize();
            if (!isTestChainDir(dir)) {
                throw new IllegalStateException(source + " = " + explicit + " is not zkml4j's test-chain "
                        + "directory (expected a package.json named \"" + PACKAGE_NAME + "\")");
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir"));
        return findTestChainDir(start).orElseThrow(() -> new IllegalStateException(
                "Cannot find zkml4j's test-chain directory" + why + " from " + start.toAbsolutePath()
                        + " or any parent; set -D" + DIR_PROPERTY + "=/path/to/test-chain or ZKML_TEST_CHAIN_DIR"));
    }

    /** The nearest directory at or above {@code start} that is, or contains, test-chain. */
    public static Optional<Path> findTestChainDir(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isTestChainDir(dir)) {
                return Optional.of(dir);
            }
            Path child = dir.resolve("test-chain");
            if (isTestChainDir(child)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code dir} holds the package.json of the npm project named {@value #PACKAGE_NAME}. */
    public static boolean isTestChainDir(Path dir) {
        Path packageJson = dir.resolve("package.json");
        if (!Files.isRegularFile(packageJson)) {
            return false;
        }
        try {
            return PACKAGE_NAME_FIELD.matcher(Files.readString(packageJson)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The {@code node} executable: the system property {@value #NODE_PROPERTY}, else the first on
     * {@code PATH}.
     *
     * @param requirement the start of every message, e.g. {@code "Node.js >= 20 is required to compile
     *     Solidity: "}
     * @throws IllegalStateException if there is none
     */
    public static Path locateNode(String requirement) {
        String explicit = System.getProperty(NODE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path node = Path.of(explicit);
            if (!Files.isExecutable(node)) {
                throw new IllegalStateException(
                        requirement + "system property " + NODE_PROPERTY + " = " + explicit
                                + " is not an executable file.");
            }
            return node;
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return findOnPath(isWindows() ? "node.exe" : "node", path).orElseThrow(() -> new IllegalStateException(
                requirement + "no 'node' on PATH (" + path + "); install Node.js or set -D"
                        + NODE_PROPERTY + "=/path/to/node."));
    }

    static Optional<Path> findOnPath(String executable, String pathVariable) {
        for (String entry : pathVariable.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry).resolve(executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code node -p process.versions.node}, returning e.g. {@code "20.20.2"}.
     *
     * @param requirement the start of every message (see {@link #locateNode(String)})
     * @throws IllegalStateException if node does not run, reports no version, or is older than
     *     {@value #MIN_NODE_MAJOR}
     */
    public static String checkNodeVersion(Path node, String requirement) {
        ProcessResult result;
        try {
            result =
                    execute(
                            List.of(node.toString(), "-p", "process.versions.node"),
                            Path.of(System.getProperty("java.io.tmpdir")),
                            VERSION_CHECK_TIMEOUT);
        } catch (NodeProcessException e) {
            throw new IllegalStateException(requirement + node + " does not run: " + e.getMessage(), e);
        }
        String version = result.stdout().strip();
        if (!result.succeeded() || !version.matches("\\d+\\.\\d+\\.\\d+.*")) {
            throw new IllegalStateException(
                    requirement + node + " did not report a version (exit " + result.exitCode() + "): "
                            + result.output().strip());
        }
        int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        if (major < MIN_NODE_MAJOR) {
            throw new IllegalStateException(requirement + node + " is version " + version + ".");
        }
        return version;
    }

    // ---- Process plumbing ----

    private static ProcessResult collect(
            List<String> command, int exitCode, Path out, Path err, long startNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new ProcessResult(command, exitCode, read(out), read(err), elapsed);
    }

    private static String read(Path file) {
        try {
            return stripAnsi(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process and everything it started (node may spawn workers). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static File nullDevice() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    @Override
    public String toString() {
        return "NodeTools[" + testChainDir + ", node " + nodeVersion + " at " + node + "]";
    }
}
