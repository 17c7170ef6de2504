package io.zkml4j.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.evm.EvmEncoding;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.StaticArray8;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
  * A deployed {@code IZkmlVerifier}: {@code verifyProof(uint256[8] proof, uint256[] input) returns (bool)}.
  *
  * <p>This is a hand-written typed client for the stable ABI, not a web3j-generated wrapper: the
  * ABI is one function, identical for every model, so one small class serves all verifiers; it
  * takes our {@link Proof} and {@link Fr} types directly, lays the words out with
  * {@link EvmEncoding} (the only place that knows the word order), and decodes reverts into the
  * interface's custom errors. (Its flat {@code uint256[8]} parameter also sidesteps web3j's wrong
  * selectors for {@code uint256[2][2]} parameters in generated wrappers, web3j issue 1128.)
  *
  * <p>Outcomes, following {@code IZkmlVerifier}: a valid proof gives {@code true}; an invalid or
  * malformed proof {@code false}; a malformed statement (wrong input count, an input ≥ r) reverts,
  * which surfaces as a {@link DeploymentException} whose {@link DeploymentException#errorName()} is
  * {@code InvalidPublicInputCount} or {@code PublicInputNotInField}.
  *
  * <p>Immutable and thread-safe (as far as the underlying web3j objects are).
  */
public final class DeployedVerifier {

    /** The stable ABI's function signature. */
    public static final String VERIFY_PROOF = "verifyProof(uint256[8],uint256[])";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUE = "0x" + "0".repeat(63) + "1";
    private static final String FALSE = "0x" + "0".repeat(64);

    private final ContractChannel channel;
    private final String address;
    private final AbiErrors errors;
    private final String name;
    private final TransactionReceipt deploymentReceipt;

    DeployedVerifier(ContractChannel channel, String address, AbiErrors errors, String name,
            TransactionReceipt deploymentReceipt) {
        this.channel = channel;
        this.address = address;
        this.errors = errors;
        this.name = name;
        this.deploymentReceipt = deploymentReceipt;
    }

    /** The contract's address. */
    public String address() {
        return address;
    }

    /** The receipt of the deployment, when this client deployed it. */
    public Optional<TransactionReceipt> deploymentReceipt() {
        return Optional.ofNullable(deploymentReceipt);
    }

    /** The custom errors this client decodes. */
    public AbiErrors errors() {
        return errors;
    }

    /**
      * Asks the verifier, by {@code eth_call} (no transaction, no gas paid), whether {@code proof} is
      * valid for {@code publicInputs} (public.json order).
      *
      * @throws DeploymentException if the call reverts (wrong input count: error name
      *     {@code InvalidPublicInputCount}) or the node fails
      */
    public boolean verify(Proof proof, List<Fr> publicInputs) {
        return verifyWords(EvmEncoding.proofWords(proof), EvmEncoding.publicInputWords(publicInputs));
    }

    /**
      * As {@link #verify}, on raw words: lets callers send what a {@link Fr} cannot hold (inputs
      * ≥ r, non-canonical coordinates), e.g. to test the verifier's rejections.
      */
    public boolean verifyWords(List<BigInteger> proofWords, List<BigInteger> inputWords) {
        String result = channel.call(address, calldata(proofWords, inputWords), errors, "verifyProof on " + name);
        if (TRUE.equals(result)) {
            return true;
        }
        if (FALSE.equals(result)) {
            return false;
        }
        throw new DeploymentException("verifyProof on " + name + " at " + address
                + " returned " + result + ", not an ABI-encoded bool (is this an IZkmlVerifier?)");
    }

    /**
      * Calls {@code verifyProof} in a transaction and returns the mined receipt. The chain keeps no
      * result of a view call, so this is for measuring gas (see {@link GasReport}) and for
      * exercising the verifier as a contract would; ask {@link #verify} for the answer.
      *
      * @throws DeploymentException on a revert (decoded), refusal, or when not mined in time
      */
    public TransactionReceipt submit(Proof proof, List<Fr> publicInputs) {
        return submitWords(EvmEncoding.proofWords(proof), EvmEncoding.publicInputWords(publicInputs));
    }

    /** As {@link #submit}, on raw words. */
    public TransactionReceipt submitWords(List<BigInteger> proofWords, List<BigInteger> inputWords) {
        return channel.send(address, calldata(proofWords, inputWords), errors, "verifyProof transaction to " + name);
    }

    /**
      * The calldata of {@code verifyProof(uint256[8],uint256[])}: selector, the eight proof words,
      * the offset of the dynamic array (0x120), its length and its words.
      *
      * @throws IllegalArgumentException unless there are eight proof words and every word fits 256 bits
      */
    public static String calldata(List<BigInteger> proofWords, List<BigInteger> inputWords) {
        if (proofWords.size() != EvmEncoding.PROOF_WORDS) {
            throw new IllegalArgumentException(
                    "Expected " + EvmEncoding.PROOF_WORDS + " proof words but got " + proofWords.size());
        }
        Function function = new Function(
                "verifyProof",
                List.of(new StaticArray8<>(Uint256.class, proofWords.stream().map(DeployedVerifier::uint256).toList()),
                        new DynamicArray<>(Uint256.class, inputWords.stream().map(DeployedVerifier::uint256).toList())),
                List.of());
        return FunctionEncoder.encode(function);
    }

    /** As {@link #calldata(List, List)} for a proof and its public inputs. */
    public static String calldata(Proof proof, List<Fr> publicInputs) {
        return calldata(EvmEncoding.proofWords(proof), EvmEncoding.publicInputWords(publicInputs));
    }

    private static Uint256 uint256(BigInteger word) {
        Objects.requireNonNull(word, "word");
        if (word.signum() < 0 || word.bitLength() > 256) {
            throw new IllegalArgumentException("Expected a uint256 word but got " + word);
        }
        return new Uint256(word);
    }

    /**
      * Checks that the ABI has {@code verifyProof(uint256[8],uint256[])}.
      *
      * @throws DeploymentException naming the contract otherwise
      */
    static void requireVerifierAbi(CompiledContract contract) {
        try {
            for (JsonNode entry : JSON.readTree(contract.abiJson())) {
                if ("function".equals(entry.path("type").asText()) && "verifyProof".equals(entry.path("name").asText())) {
                    JsonNode inputs = entry.path("inputs");
                    if (inputs.size() == 2 && "uint256[8]".equals(inputs.get(0).path("type").asText())
                            && "uint256[]".equals(inputs.get(1).path("type").asText())) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new DeploymentException(contract.contractName() + ": unreadable ABI: " + e.getMessage(), e);
        }
        throw new DeploymentException(contract.contractName() + " has no " + VERIFY_PROOF
                + " (the IZkmlVerifier ABI); was it generated by zkml4j-codegen?");
    }

    @Override
    public String toString() {
        return "DeployedVerifier[" + name + " at " + address + "]";
    }
}
