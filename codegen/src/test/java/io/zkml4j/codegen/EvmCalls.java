package io.zkml4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zkml4j.testchain.NodeTools;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Test driver for {@code test-chain/scripts/evm-calls.js}: deploys contracts on Hardhat's
 * in-process EVM and runs raw calls, returning return/revert data and gas. Calldata is built here
 * from ABI facts (selector = first 4 bytes of keccak256 of the signature; static words; a dynamic
 * {@code uint256[]} as offset, length, items).
 */
final class EvmCalls {

    record Result(String label, boolean reverted, String returnData, long gasUsed, long calldataGas, long executionGas) {

        boolean returnedTrue() {
            return !reverted && returnData.equals("0x" + "0".repeat(63) + "1");
        }

        boolean returnedFalse() {
            return !reverted && returnData.equals("0x" + "0".repeat(64));
        }
    }

    record Deployment(String address, long gasUsed, int codeSize) {}

    record Outcome(Map<String, Deployment> deployments, Map<String, Result> calls) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode spec = JSON.createObjectNode();
    private final ArrayNode deploy = spec.putArray("deploy");
    private final ArrayNode calls = spec.putArray("calls");

    EvmCalls deploy(String label, CompiledContract contract) {
        deploy.addObject().put("label", label).put("bytecode", "0x" + contract.bytecode());
        return this;
    }

    EvmCalls call(String label, String to, String data) {
        calls.addObject().put("label", label).put("to", to).put("data", data);
        return this;
    }

    Outcome run(Path workDir) throws IOException {
        NodeTools tools = NodeTools.locate();
        Path specFile = Files.writeString(workDir.resolve("evm-calls-spec.json"), JSON.writeValueAsString(spec));
        String out = tools.run(tools.testChainDir(), tools.testChainDir().resolve("scripts/evm-calls.js"),
                List.of(specFile.toString()), Duration.ofMinutes(3)).stdout();
        JsonNode root = JSON.readTree(out);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        root.path("deployments").fields().forEachRemaining(e -> deployments.put(e.getKey(), new Deployment(
                e.getValue().path("address").asText(), e.getValue().path("gasUsed").asLong(),
                e.getValue().path("codeSize").asInt())));
        Map<String, Result> results = new LinkedHashMap<>();
        for (JsonNode c : root.path("calls")) {
            results.put(c.path("label").asText(), new Result(c.path("label").asText(), c.path("reverted").asBoolean(),
                    c.path("returnData").asText(), c.path("gasUsed").asLong(), c.path("calldataGas").asLong(),
                    c.path("executionGas").asLong()));
        }
        return new Outcome(deployments, results);
    }

    // ---- ABI encoding ----

    static String selector(String signature) {
        KeccakDigest k = new KeccakDigest(256);
        byte[] in = signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        k.update(in, 0, in.length);
        byte[] out = new byte[32];
        k.doFinal(out, 0);
        return HexFormat.of().formatHex(out, 0, 4);
    }

    static String word(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("Not a uint256: " + v);
        }
        String h = v.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }

    /** {@code verifyProof(uint256[8],uint256[])}. */
    static String stableCall(List<BigInteger> proofWords, List<BigInteger> inputs) {
        StringBuilder sb = new StringBuilder("0x").append(selector("verifyProof(uint256[8],uint256[])"));
        proofWords.forEach(w -> sb.append(word(w)));
        sb.append(word(BigInteger.valueOf(32 * 9))).append(word(BigInteger.valueOf(inputs.size())));
        inputs.forEach(w -> sb.append(word(w)));
        return sb.toString();
    }

    /** {@code verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[n])}: the same words, all static. */
    static String snarkjsCall(List<BigInteger> proofWords, List<BigInteger> inputs, int n) {
        StringBuilder sb = new StringBuilder("0x")
                .append(selector("verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + n + "])"));
        proofWords.forEach(w -> sb.append(word(w)));
        inputs.forEach(w -> sb.append(word(w)));
        return sb.toString();
    }

    static List<BigInteger> with(List<BigInteger> words, int index, BigInteger value) {
        List<BigInteger> copy = new ArrayList<>(words);
        copy.set(index, value);
        return copy;
    }
}
