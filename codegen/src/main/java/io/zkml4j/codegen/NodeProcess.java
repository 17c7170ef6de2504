package io.zkml4j.codegen;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs {@code node} scripts from the repository's {@code test-chain/} npm project as child
 * processes. A small, self-contained twin of the test harness's {@code NodeTools}: codegen uses
 * solc-js at run time and must not depend on test code. Finds test-chain the same way (system
 * property {@value #DIR_PROPERTY}, environment variable {@code ZKML_TEST_CHAIN_DIR}, then walking up
 * from the working directory) and {@code node} via {@value #NODE_PROPERTY} or {@code PATH}.
 *
 * <p>Standard input is empty, output goes to temporary files (no pipe can fill up), a timeout kills
 * the process and its descendants.
 */
final class NodeProcess {

    static final String DIR_PROPERTY = "zkml.testchain.dir";
    static final String NODE_PROPERTY = "zkml.node";
    static final int MIN_NODE_MAJOR = 20;
    static final String PACKAGE_NAME = "zkml4j-test-chain";
    static final String REQUIREMENT = "Node.js >= " + MIN_NODE_MAJOR + " is required to compile Solidity: ";

    private static final Pattern PACKAGE_NAME_FIELD =
            Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(PACKAGE_NAME) + "\"");

    /** What a finished process left behind. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        String commandLine() {
            return NodeProcess.commandLine(command);
        }
    }

    private NodeProcess() {
    }

    // ---- Lookup ----

    static Path locateTestChainDir() {
        String explicit = System.getProperty(DIR_PROPERTY);
        String source = "system property " + DIR_PROPERTY;
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv("ZKML_TEST_CHAIN_DIR");
            source = "environment variable ZKML_TEST_CHAIN_DIR";
        }
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath().normalize();
            if (!isTestChainDir(dir)) {
                throw new CodegenException(source + " = " + explicit + " is not zkml4j's test-chain directory "
                        + "(expected a package.json named \"" + PACKAGE_NAME + "\")");
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir"));
        return findTestChainDir(start).orElseThrow(() -> new CodegenException(
                "Cannot find zkml4j's test-chain directory (solc-js lives in its node_modules) from "
                        + start.toAbsolutePath() + " or any parent; set -D" + DIR_PROPERTY
                        + "=/path/to/test-chain or ZKML_TEST_CHAIN_DIR"));
    }

    static Optional<Path> findTestChainDir(Path start) {
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

    static boolean isTestChainDir(Path dir) {
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

    static Path locateNode() {
        String explicit = System.getProperty(NODE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path node = Path.of(explicit);
            if (!Files.isRegularFile(node) || !Files.isExecutable(node)) {
                throw new CodegenException(REQUIREMENT + "system property " + NODE_PROPERTY + " = " + explicit
                        + " is not an executable file.");
            }
            return node.toAbsolutePath();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        String exe = isWindows() ? "node.exe" : "node";
        for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry).resolve(exe);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
        }
        throw new CodegenException(REQUIREMENT + "no 'node' on PATH (" + path + "); install Node.js or set -D"
                + NODE_PROPERTY + "=/path/to/node.");
    }

    /** Runs {@code node --version}, returning e.g. {@code "20.20.2"}; fails when older than 20. */
    static String checkNodeVersion(Path node) {
        Result r;
        try {
            r = run(List.of(node.toString(), "-p", "process.versions.node"),
                    Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(30));
        } catch (CodegenException e) {
            throw new CodegenException(REQUIREMENT + node + " does not run: " + e.getMessage(), e);
        }
        String version = r.stdout().strip();
        if (r.exitCode() != 0 || !version.matches("\\d+\\.\\d+\\.\\d+.*")) {
            throw new CodegenException(REQUIREMENT + node + " did not report a version (exit " + r.exitCode()
                    + "): " + (r.stdout() + r.stderr()).strip());
        }
        int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        if (major < MIN_NODE_MAJOR) {
            throw new CodegenException(REQUIREMENT + node + " is version " + version + ".");
        }
        return version;
    }

    // ---- Running ----

    /**
     * Runs {@code command} in {@code workingDir}, returning whatever the exit code.
     *
     * @throws CodegenException if it cannot start or has not exited within {@code timeout}
     */
    static Result run(List<String> command, Path workingDir, Duration timeout) {
        Path logs;
        try {
            logs = Files.createTempDirectory("zkml4j-codegen-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for process output", e);
        }
        Path out = logs.resolve("stdout");
        Path err = logs.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new CodegenException("Cannot start " + commandLine(command) + ": " + e.getMessage(), e);
            }
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new CodegenException("Interrupted while running " + commandLine(command), e);
            }
            if (!exited) {
                kill(process);
                throw new CodegenException("Timed out after " + timeout.toSeconds() + " s and killed: "
                        + commandLine(command) + "\n" + read(err));
            }
            return new Result(List.copyOf(command), process.exitValue(), read(out), read(err));
        } finally {
            try (Stream<Path> files = Files.walk(logs)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }

    static List<String> command(Path node, Path script, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(node.toString());
        command.add(script.toString());
        command.addAll(args);
        return command;
    }

    static String commandLine(List<String> command) {
        return command.stream().map(NodeProcess::shellQuote).collect(Collectors.joining(" "));
    }

    private static String shellQuote(String arg) {
        boolean plain = !arg.isEmpty()
                && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:@,+%".indexOf(c) >= 0);
        return plain ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
