package io.zkml4j.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.web3j.crypto.Hash;

/**
  * Decodes revert data into the name of the Solidity error that produced it.
  *
  * <p>A revert with a custom error returns {@code selector ‖ abi.encode(args)}, where the selector
  * is the first four bytes of {@code keccak256("Name(type1,type2,…)")}. This class maps the
  * selectors of every {@code "type": "error"} entry of the given ABIs to their signatures, plus
  * Solidity's built-in {@code Error(string)} ({@code require}/{@code revert("…")}) and
  * {@code Panic(uint256)}. Arguments are shown as the raw 32-byte words that follow the selector
  * ({@code address}/{@code uintN}/{@code bytes32} words are readable as they are; dynamic types
  * show their head offsets), except for {@code Error(string)}, whose message is decoded.
  *
  * <p>Immutable and thread-safe.
  */
public final class AbiErrors {

    /** {@code Error(string)}, what {@code require(cond, "message")} reverts with. */
    public static final String ERROR_STRING_SELECTOR = "0x08c379a0";
    /** {@code Panic(uint256)}, what failed assertions and arithmetic overflow revert with. */
    public static final String PANIC_SELECTOR = "0x4e487b71";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> signatures; // selector (0x + 8 hex) -> "Name(type,...)"

    private AbiErrors(Map<String, String> signatures) {
        this.signatures = Map.copyOf(signatures);
    }

    /**
      * The errors declared in these ABI JSON arrays (e.g. a registry's and its verifier's; a
      * verifier's custom errors bubble up through the registry unchanged).
      *
      * @throws IllegalArgumentException if a string is not a JSON array
      */
    public static AbiErrors of(String... abiJsons) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String abiJson : abiJsons) {
            JsonNode abi;
            try {
                abi = JSON.readTree(abiJson);
            } catch (IOException e) {
                throw new IllegalArgumentException("Expected an ABI JSON array: " + e.getMessage(), e);
            }
            if (abi == null || !abi.isArray()) {
                throw new IllegalArgumentException("Expected an ABI JSON array");
            }
            for (JsonNode entry : abi) {
                if ("error".equals(entry.path("type").asText())) {
                    String signature = entry.path("name").asText() + "(" + canonicalTypes(entry.path("inputs")) + ")";
                    map.put(selector(signature), signature);
                }
            }
        }
        return new AbiErrors(map);
    }

    /** The four-byte selector of a function or error signature, as {@code 0x} + 8 hex digits. */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** The error signatures known, by selector. */
    public Map<String, String> signatures() {
        return signatures;
    }

    /** A decoded revert. {@code name} is null when the selector is unknown. */
    public record Decoded(String name, String signature, String data, List<String> words, String message) {

        /** {@code Name(type…)} with the argument words, or the raw data when unknown. */
        public String describe() {
            if (name == null) {
                return data == null || data.equals("0x")
                        ? "no revert data"
                        : "unknown error " + data.substring(0, Math.min(10, data.length())) + " (data " + data + ")";
            }
            if (message != null) {
                return signature + " \"" + message + "\"";
            }
            return words.isEmpty() ? signature : signature + " " + words;
        }
    }

    /**
      * Decodes revert data ({@code 0x}-prefixed hex; null or {@code "0x"} for a revert without data).
      */
    public Decoded decode(String revertData) {
        String data = revertData == null ? "0x" : revertData.toLowerCase(Locale.ROOT);
        if (!data.startsWith("0x")) {
            data = "0x" + data;
        }
        if (data.length() < 10) {
            return new Decoded(null, null, data, List.of(), null);
        }
        String selector = data.substring(0, 10);
        List<String> words = new ArrayList<>();
        String body = data.substring(10);
        for (int i = 0; i + 64 <= body.length(); i += 64) {
            words.add("0x" + body.substring(i, i + 64));
        }
        if (selector.equals(ERROR_STRING_SELECTOR)) {
            return new Decoded("Error", "Error(string)", data, words, decodeString(body));
        }
        if (selector.equals(PANIC_SELECTOR)) {
            String code = words.isEmpty() ? "?" : "0x" + new BigInteger(words.get(0).substring(2), 16).toString(16);
            return new Decoded("Panic", "Panic(uint256)", data, words, "code " + code);
        }
        String signature = signatures.get(selector);
        if (signature == null) {
            return new Decoded(null, null, data, words, null);
        }
        return new Decoded(signature.substring(0, signature.indexOf('(')), signature, data, words, null);
    }

    private static String decodeString(String body) {
        try {
            int offset = new BigInteger(body.substring(0, 64), 16).intValueExact() * 2;
            int length = new BigInteger(body.substring(offset, offset + 64), 16).intValueExact();
            byte[] bytes = HEX.parseHex(body.substring(offset + 64, offset + 64 + 2 * length));
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "(undecodable message)";
        }
    }

    private static String canonicalTypes(JsonNode inputs) {
        List<String> types = new ArrayList<>();
        for (JsonNode input : inputs) {
            String type = input.path("type").asText();
            if (type.startsWith("tuple")) {
                type = "(" + canonicalTypes(input.path("components")) + ")" + type.substring("tuple".length());
            }
            types.add(type);
        }
        return String.join(",", types);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbiErrors other && signatures.equals(other.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signatures);
    }

    @Override
    public String toString() {
        return "AbiErrors" + signatures.values();
    }
}
