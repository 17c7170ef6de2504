package io.zkml4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@link Main} in-process with captured stdout/stderr, and copies test fixtures out of the classpath. */
final class CliRun {

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private CliRun() {
    }

    /** {@code zkml4j args...} with progress off. */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** {@code zkml4j args...} with extra environment variables (progress off unless given). */
    static Result run(Map<String, String> env, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent(Ui.PROGRESS_ENV, "off");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream r = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, r, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The test-jar fixtures used here, copied into {@code dir} under their short names. */
    static final Map<String, String> FIXTURES = Map.of(
            "multiplier.r1cs", "/circom/multiplier/multiplier.r1cs",
            "multiplier.wtns", "/circom/multiplier/multiplier.wtns",
            "multiplier.zkey", "/fixtures/multiplier/multiplier.zkey",
            "verification_key.json", "/fixtures/multiplier/verification_key.json",
            "proof.json", "/fixtures/multiplier/proof.json",
            "public.json", "/fixtures/multiplier/public.json",
            "calldata.txt", "/fixtures/multiplier/calldata.txt",
            "pot4_prepared.ptau", "/io/zkml4j/groth16/ptau/pot4_prepared.ptau",
            "multiplier_0000.zkey", "/io/zkml4j/groth16/ptau/multiplier_0000.zkey");

    /** Copies fixture {@code name} (a key of {@link #FIXTURES}) to {@code dir/name}. */
    static Path fixture(Path dir, String name) {
        String resource = FIXTURES.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("Unknown fixture " + name + "; known: " + FIXTURES.keySet());
        }
        try (InputStream in = CliRun.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in {@code dir} whose names say they are temporaries (ours and the libraries'). */
    static long tempFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && (n.endsWith(".tmp") || n.endsWith(".points"));
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abs(Path p) {
        return p.toAbsolutePath().toString();
    }
}
