package io.zkml4j.codegen;

import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * File-to-file entry points, for the command line ({@code zkml4j verifier solidity <vk.json>
 * <Verifier.sol>}) and build scripts.
 */
public final class Verifiers {

    private Verifiers() {
    }

    /** {@link #writeSolidity(Path, Path, SolidityExportOptions)} with the default options. */
    public static VerifierTemplateModel writeSolidity(Path verificationKeyJson, Path out) {
        return writeSolidity(verificationKeyJson, out, SolidityExportOptions.defaults());
    }

    /**
     * Reads snarkjs's {@code verification_key.json}, generates its verifier and writes it to
     * {@code out} atomically (a temporary file in the same directory, then a rename): readers never
     * see a half-written file, and on failure {@code out} is left as it was. Parent directories
     * are created.
     *
     * @return the model that was rendered (public input count, VK hash, ...)
     * @throws CodegenException if the key file is unreadable or invalid (the message names the
     *     file and the problem), the key is degenerate, or the output cannot be written
     */
    public static VerifierTemplateModel writeSolidity(Path verificationKeyJson, Path out, SolidityExportOptions options) {
        Objects.requireNonNull(verificationKeyJson, "verificationKeyJson");
        Objects.requireNonNull(out, "out");
        VerifyingKey vk;
        try {
            vk = SnarkjsJson.readVerificationKey(verificationKeyJson);
        } catch (Groth16Exception | java.io.UncheckedIOException e) {
            throw new CodegenException("Cannot read verifying key " + verificationKeyJson + ": " + e.getMessage(), e);
        }
        VerifierTemplateModel model;
        try {
            model = SolidityVerifierGenerator.model(vk, options);
        } catch (CodegenException e) {
            throw new CodegenException(verificationKeyJson + ": " + e.getMessage(), e);
        }
        writeAtomically(out, SolidityVerifierGenerator.render(model));
        return model;
    }

    static void writeAtomically(Path out, String text) {
        Path target = out.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Path dir = Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CodegenException("Cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Nothing more to do about a leftover temporary file.
                }
            }
        }
    }
}
