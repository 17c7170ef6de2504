package io.zkml4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One contract as solc compiled it: what a deployer needs (ABI, creation bytecode) plus the
 * runtime bytecode and the compiler's warnings. Immutable value.
 *
 * <p>Bytecode is lower-case hex <em>without</em> a {@code 0x} prefix (empty for an interface or
 * abstract contract); {@link #bytecodeBytes()} and {@link #deployedBytecodeBytes()} decode it.
 * Creation bytecode has no constructor arguments appended.
 *
 * <p>The JSON form ({@link #read}) is the file {@code test-chain/scripts/compile.js} writes per
 * contract: {@code {contractName, sourceName, compiler, abi, bytecode, deployedBytecode, warnings}}.
 *
 * @param contractName the contract's name in its source, e.g. {@code Groth16Verifier}
 * @param sourceName solc's source unit name (repository-relative path when inside the repository)
 * @param compiler solc's long version, e.g. {@code 0.8.28+commit.7893614a.Emscripten.clang}
 * @param abiJson the ABI as a JSON array (compact text)
 * @param bytecode creation bytecode, hex without {@code 0x}
 * @param deployedBytecode runtime bytecode, hex without {@code 0x}
 * @param warnings solc's formatted warnings for this contract's source file (empty when clean)
 */
public record CompiledContract(
        String contractName,
        String sourceName,
        String compiler,
        String abiJson,
        String bytecode,
        String deployedBytecode,
        List<String> warnings) {

    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2})*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException if a bytecode is not even-length lower-case hex (a
     *     {@code 0x} prefix is stripped) or the ABI is not a JSON array
     */
    public CompiledContract {
        Objects.requireNonNull(contractName, "contractName");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(compiler, "compiler");
        Objects.requireNonNull(abiJson, "abiJson");
        bytecode = normaliseHex(bytecode, "bytecode");
        deployedBytecode = normaliseHex(deployedBytecode, "deployedBytecode");
        warnings = List.copyOf(warnings);
        try {
            JsonNode abi = JSON.readTree(abiJson);
            if (abi == null || !abi.isArray()) {
                throw new IllegalArgumentException("Expected the ABI to be a JSON array but got " + abiJson);
            }
            abiJson = JSON.writeValueAsString(abi);
        } catch (IOException e) {
            throw new IllegalArgumentException("The ABI is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a contract file written by {@code compile.js}.
     *
     * @throws CodegenException if the file cannot be read or lacks a field
     */
    public static CompiledContract read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CodegenException("Cannot read compiled contract " + file + ": " + e.getMessage(), e);
        }
        try {
            List<String> warnings = new ArrayList<>();
            for (JsonNode w : required(root, "warnings", file)) {
                warnings.add(w.asText());
            }
            return new CompiledContract(
                    required(root, "contractName", file).asText(),
                    required(root, "sourceName", file).asText(),
                    required(root, "compiler", file).asText(),
                    JSON.writeValueAsString(required(root, "abi", file)),
                    required(root, "bytecode", file).asText(),
                    required(root, "deployedBytecode", file).asText(),
                    warnings);
        } catch (IOException | IllegalArgumentException e) {
            throw new CodegenException("Malformed compiled contract " + file + ": " + e.getMessage(), e);
        }
    }

    /** The creation bytecode as bytes (a fresh array). */
    public byte[] bytecodeBytes() {
        return HexFormat.of().parseHex(bytecode);
    }

    /** The runtime bytecode as bytes (a fresh array). */
    public byte[] deployedBytecodeBytes() {
        return HexFormat.of().parseHex(deployedBytecode);
    }

    /** Size of the runtime code in bytes; EIP-170 limits it to 24,576 on Ethereum. */
    public int deployedSize() {
        return deployedBytecode.length() / 2;
    }

    /** Whether solc reported no warning for this contract's source. */
    public boolean isWarningFree() {
        return warnings.isEmpty();
    }

    private static JsonNode required(JsonNode root, String field, Path file) {
        JsonNode node = root == null ? null : root.get(field);
        if (node == null || node.isNull()) {
            throw new CodegenException("Compiled contract " + file + " has no field \"" + field + "\"");
        }
        return node;
    }

    private static String normaliseHex(String hex, String what) {
        Objects.requireNonNull(hex, what);
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        h = h.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(h).matches()) {
            // Unlinked library placeholders (__$...$__) end up here too: we never emit libraries.
            throw new IllegalArgumentException(
                    "Expected " + what + " as even-length hex but got " + abbreviate(hex));
        }
        return h;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "... (" + s.length() + " chars)";
    }

    @Override
    public String toString() {
        return "CompiledContract[" + contractName + " from " + sourceName + ", " + deployedSize()
                + " bytes deployed, " + warnings.size() + " warnings]";
    }
}
