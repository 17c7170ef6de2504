package io.zkml4j.prover.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The layout of a compiled model directory, and its atomic writes.
 *
 * <pre>
 * DIR/model.onnx              the source model, copied (later steps rebuild the circuit from it)
 * DIR/model.json              {@link ModelMetadata}: settings, public signals, counts, calibration report
 * DIR/circuit.r1cs            the constraint system (circom format)
 * DIR/circuit.zkey            after setup: the Groth16 proving key (snarkjs format)
 * DIR/verification_key.json   after setup: the verification key (snarkjs format)
 * </pre>
 *
 * Every file is written to a temporary file next to it and renamed into place; {@code model.json}
 * is written last by compile, so a directory with a {@code model.json} is complete.
 */
public final class ModelDirectory {

    public static final String MODEL_ONNX = "model.onnx";
    public static final String MODEL_JSON = "model.json";
    public static final String CIRCUIT_R1CS = "circuit.r1cs";
    public static final String CIRCUIT_ZKEY = "circuit.zkey";
    public static final String VERIFICATION_KEY = "verification_key.json";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path dir;

    private ModelDirectory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A directory to compile into: created (with its parents) when missing. */
    public static ModelDirectory create(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ModelException(dir + ": exists and is not a directory (expected the output directory)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ModelException(dir + ": cannot create the directory: " + e.getMessage(), e);
        }
        return new ModelDirectory(dir);
    }

    /**
     * An existing compiled model directory.
     *
     * @throws ModelException if {@code dir} is missing, not a directory, or lacks one of the files
     *     compile writes
     */
    public static ModelDirectory open(Path dir) {
        if (!Files.exists(dir)) {
            throw new ModelException(dir + ": no such directory (expected a model directory made by zkml4j compile)");
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir + ": not a directory (expected a model directory made by zkml4j compile)");
        }
        ModelDirectory d = new ModelDirectory(dir);
        for (String name : new String[] {MODEL_JSON, MODEL_ONNX, CIRCUIT_R1CS}) {
            if (!Files.isRegularFile(d.file(name))) {
                throw new ModelException(d.file(name) + ": no such file; " + dir
                        + " is not a complete model directory (run zkml4j compile <model> --out " + dir + ")");
            }
        }
        return d;
    }

    public Path path() {
        return dir;
    }

    /** {@code DIR/name}. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path modelOnnx() {
        return file(MODEL_ONNX);
    }

    public Path modelJson() {
        return file(MODEL_JSON);
    }

    public Path r1cs() {
        return file(CIRCUIT_R1CS);
    }

    public Path zkey() {
        return file(CIRCUIT_ZKEY);
    }

    public Path verificationKey() {
        return file(VERIFICATION_KEY);
    }

    /** Whether setup has written both keys. */
    public boolean hasKeys() {
        return Files.isRegularFile(zkey()) && Files.isRegularFile(verificationKey());
    }

    /** Removes the keys (a recompiled circuit makes them stale); returns whether there were any. */
    public boolean deleteKeys() {
        try {
            boolean a = Files.deleteIfExists(zkey());
            boolean b = Files.deleteIfExists(verificationKey());
            return a || b;
        } catch (IOException e) {
            throw new ModelException(dir + ": cannot remove the old keys: " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code DIR/name} atomically. */
    public void writeText(String name, String text) {
        writeAtomically(file(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies {@code source} to {@code DIR/name} atomically. */
    public void copyIn(Path source, String name) {
        try {
            writeAtomically(file(name), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new ModelException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code bytes} to a temporary file {@code .<name>.<random>.tmp} next to {@code target}, then
     * renames it into place. The temporary file is created with default attributes, so the result gets
     * the permissions the umask gives any new file ({@code Files.createTempFile} would make it private).
     */
    static void writeAtomically(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path temp = null;
        try {
            for (int attempt = 0; temp == null; attempt++) {
                Path candidate = abs.resolveSibling("." + abs.getFileName() + "."
                        + Long.toHexString(RANDOM.nextLong() >>> 16) + ".tmp");
                try {
                    Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                    temp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 8) {
                        throw e;
                    }
                }
            }
            Files.write(temp, bytes);
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new ModelException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
