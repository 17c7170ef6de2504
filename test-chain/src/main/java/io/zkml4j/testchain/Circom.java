package io.zkml4j.testchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
  * Compiles circom circuits with circom2 (the circom 2 compiler built to WebAssembly, pinned in
  * test-chain's package.json), run as {@code node node_modules/circom2/cli.js}.
  *
  * <p>node_modules is always on the include path, so {@code include
  * "circomlib/circuits/poseidon.circom";} works.
  *
  * <p>circom2 reaches the file system through a WASI sandbox that cannot follow {@code ..} in
  * include paths nor symbolic links, and its launcher rewrites every path argument relative to the
  * working directory. This class therefore runs it from the file-system root with every path
  * resolved to its real, absolute form, which turns each path into a plain downward one.
  */
public final class Circom {

    /** Path of the circom2 executable script inside node_modules ({@code bin.circom2}). */
    public static final String CLI = "circom2/cli.js";

    /** Default timeout; tiny circuits take about a second, a model-sized one far longer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
      * The files circom wrote for one circuit.
      *
      * @param r1cs the constraint system ({@code <name>.r1cs})
      * @param wasm the witness calculator ({@code <name>_js/<name>.wasm}), for {@code wtns calculate}
      * @param sym the signal names ({@code <name>.sym})
      * @param log circom's own report (template instances, constraint counts, warnings)
      */
    public record CompiledCircuit(Path r1cs, Path wasm, Path sym, String log) {}

    private final NodeTools tools;
    private final Path cli;
    private final Duration timeout;

    private Circom(NodeTools tools, Duration timeout) {
        this.tools = tools;
        this.cli = tools.packageFile(CLI);
        this.timeout = timeout;
    }

    /** circom2 from the located test-chain ({@link NodeTools#locate()}). */
    public static Circom locate() {
        return new Circom(NodeTools.locate(), DEFAULT_TIMEOUT);
    }

    /** circom2 from the given tools. */
    public static Circom using(NodeTools tools) {
        return new Circom(tools, DEFAULT_TIMEOUT);
    }

    /** A copy that allows a compilation {@code timeout}. */
    public Circom withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Expected a positive timeout but got " + timeout);
        }
        return new Circom(tools, timeout);
    }

    /**
      * Compiles {@code circuit} to .r1cs, .wasm and .sym in {@code outDir} (created if absent) for
      * BN254, with circom's default simplification (--O1).
      *
      * @param includeDirs extra include directories, searched after node_modules
      * @throws NodeProcessException with circom's error report when compilation fails
      */
    public CompiledCircuit compile(Path circuit, Path outDir, List<Path> includeDirs) {
        Path source = realPath(circuit, "circuit");
        String fileName = source.getFileName().toString();
        if (!fileName.endsWith(".circom")) {
            throw new IllegalArgumentException("Expected a .circom file but got " + circuit);
        }
        String name = fileName.substring(0, fileName.length() - ".circom".length());
        Path out;
        try {
            out = Files.createDirectories(outDir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create output directory " + outDir, e);
        }
        List<String> args = new ArrayList<>();
        args.add(source.toString());
        args.add("--r1cs");
        args.add("--wasm");
        args.add("--sym");
        args.add("--prime");
        args.add("bn128");
        args.add("-o");
        args.add(out.toString());
        args.add("-l");
        args.add(realPath(tools.nodeModules(), "node_modules").toString());
        for (Path dir : includeDirs) {
            args.add("-l");
            args.add(realPath(dir, "include directory").toString());
        }
        Path root = source.getRoot();
        ProcessResult result = tools.run(root, realPath(cli, "circom2"), args, timeout);

        CompiledCircuit compiled =
                new CompiledCircuit(
                        out.resolve(name + ".r1cs"),
                        out.resolve(name + "_js").resolve(name + ".wasm"),
                        out.resolve(name + ".sym"),
                        result.output());
        for (Path file : List.of(compiled.r1cs(), compiled.wasm(), compiled.sym())) {
            if (!Files.isRegularFile(file)) {
                throw NodeProcessException.unexpected(result, "circom2 reported success but wrote no " + file);
            }
        }
        return compiled;
    }

    /** {@link #compile(Path, Path, List)} with node_modules as the only include directory. */
    public CompiledCircuit compile(Path circuit, Path outDir) {
        return compile(circuit, outDir, List.of());
    }

    private static Path realPath(Path path, String what) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("The " + what + " " + path + " does not exist", e);
        }
    }
}
