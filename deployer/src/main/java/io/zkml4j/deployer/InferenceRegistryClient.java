package io.zkml4j.deployer;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.evm.EvmEncoding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.StaticArray8;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Numeric;

/**
  * Typed client for {@code contracts/examples/InferenceRegistry.sol} (hand-written over its ABI,
  * like {@link DeployedVerifier}; see contracts/README.md for the binding and replay design).
  *
  * <p>Reverts surface as {@link DeploymentException}s whose {@code errorName()} is the registry's
  * custom error ({@code ProofAlreadyUsed}, {@code SubmitterMismatch}, …) or a verifier's
  * ({@code PublicInputNotInField}) when the verifier ABIs were given to {@link #withVerifierErrors}.
  */
public final class InferenceRegistryClient {

    /** {@code InferenceRegistry.NO_INDEX}: no public input holds the model commitment. */
    public static final long NO_INDEX = 0xFFFF_FFFFL;

    private static final Event MODEL_REGISTERED = new Event("ModelRegistered", List.of(
            new TypeReference<Uint256>(true) {}, new TypeReference<Address>(true) {},
            new TypeReference<Address>(true) {}, new TypeReference<Bytes32>() {}, new TypeReference<Uint32>() {},
            new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {}));
    private static final Event INFERENCE_RECORDED = new Event("InferenceRecorded", List.of(
            new TypeReference<Uint256>(true) {}, new TypeReference<Address>(true) {},
            new TypeReference<Bytes32>(true) {}, new TypeReference<DynamicArray<Uint256>>() {}));

    private final ContractChannel channel;
    private final String address;
    private final AbiErrors errors;
    private final String registryAbi;
    private final TransactionReceipt deploymentReceipt;

    private InferenceRegistryClient(ContractChannel channel, String address, String registryAbi, AbiErrors errors,
            TransactionReceipt deploymentReceipt) {
        this.channel = channel;
        this.address = address;
        this.registryAbi = registryAbi;
        this.errors = errors;
        this.deploymentReceipt = deploymentReceipt;
    }

    /** Deploys the compiled registry ({@code InferenceRegistry} from contracts/examples). */
    public static InferenceRegistryClient deploy(Web3j web3j, TransactionManager transactionManager,
            ContractGasProvider gasProvider, CompiledContract registry) {
        ContractChannel channel = new ContractChannel(web3j, transactionManager, gasProvider, ReceiptPolling.DEFAULT);
        DeployedContract deployed = VerifierDeployer.deployContract(channel, registry, "");
        return new InferenceRegistryClient(channel, deployed.address(), registry.abiJson(),
                AbiErrors.of(registry.abiJson()), deployed.receipt());
    }

    /** A client for a registry at {@code address}, acting through {@code transactionManager}'s account. */
    public static InferenceRegistryClient at(Web3j web3j, TransactionManager transactionManager,
            ContractGasProvider gasProvider, String address, String registryAbi) {
        DeployedContract.requireCode(web3j, address);
        return new InferenceRegistryClient(
                new ContractChannel(web3j, transactionManager, gasProvider, ReceiptPolling.DEFAULT),
                address, registryAbi, AbiErrors.of(registryAbi), null);
    }

    /** The same registry, acting as another account (e.g. the prover who submits). */
    public InferenceRegistryClient as(TransactionManager transactionManager, ContractGasProvider gasProvider) {
        return new InferenceRegistryClient(
                new ContractChannel(channel.web3j(), transactionManager, gasProvider, ReceiptPolling.DEFAULT),
                address, registryAbi, errors, deploymentReceipt);
    }

    /** This client, also decoding the custom errors of these verifier ABIs (they bubble up unchanged). */
    public InferenceRegistryClient withVerifierErrors(String... verifierAbis) {
        String[] all = new String[verifierAbis.length + 1];
        all[0] = registryAbi;
        System.arraycopy(verifierAbis, 0, all, 1, verifierAbis.length);
        return new InferenceRegistryClient(channel, address, registryAbi, AbiErrors.of(all), deploymentReceipt);
    }

    public String address() {
        return address;
    }

    /** The deployment's receipt, when this client deployed the registry. */
    public java.util.Optional<TransactionReceipt> deploymentReceipt() {
        return java.util.Optional.ofNullable(deploymentReceipt);
    }

    /** A registered model, as {@code ModelRegistered} reported it. */
    public record Registration(BigInteger modelId, TransactionReceipt receipt) {}

    /**
      * {@code registerModel(verifier, commitment, publicInputCount, submitterIndex, commitmentIndex)}.
      *
      * @param commitment 32 bytes
      * @param commitmentIndex a public-input index, or {@link #NO_INDEX}
      */
    public Registration registerModel(String verifier, byte[] commitment, int publicInputCount, int submitterIndex,
            long commitmentIndex) {
        if (commitment == null || commitment.length != 32) {
            throw new IllegalArgumentException("Expected a 32-byte model commitment but got "
                    + (commitment == null ? "null" : commitment.length + " bytes"));
        }
        if (commitmentIndex != NO_INDEX && (commitmentIndex < 0 || commitmentIndex >= publicInputCount)) {
            throw new IllegalArgumentException("Expected a commitment index below " + publicInputCount
                    + " or NO_INDEX but got " + commitmentIndex);
        }
        Function function = new Function("registerModel", List.of(
                new Address(verifier), new Bytes32(commitment), new Uint32(publicInputCount),
                new Uint32(submitterIndex), new Uint32(commitmentIndex)), List.of());
        TransactionReceipt receipt = channel.send(address, FunctionEncoder.encode(function), errors, "registerModel");
        Log log = findLog(receipt, MODEL_REGISTERED, "ModelRegistered");
        return new Registration(Numeric.toBigInt(log.getTopics().get(1)), receipt);
    }

    /** A recorded inference, from the {@code InferenceRecorded} event of its transaction. */
    public record Submission(BigInteger modelId, String submitter, String inferenceId, List<BigInteger> publicInputs,
            TransactionReceipt receipt) {}

    /**
      * {@code submitInference(modelId, proof, publicInputs)} from this client's account.
      *
      * @throws DeploymentException on a revert, e.g. error name {@code ProofAlreadyUsed} for a replay
      *     or {@code SubmitterMismatch} when the proof binds another account
      */
    public Submission submitInference(BigInteger modelId, Proof proof, List<Fr> publicInputs) {
        return submitInferenceWords(modelId, EvmEncoding.proofWords(proof), EvmEncoding.publicInputWords(publicInputs));
    }

    /** As {@link #submitInference}, on raw words. */
    public Submission submitInferenceWords(BigInteger modelId, List<BigInteger> proofWords, List<BigInteger> inputWords) {
        if (proofWords.size() != EvmEncoding.PROOF_WORDS) {
            throw new IllegalArgumentException("Expected 8 proof words but got " + proofWords.size());
        }
        Function function = new Function("submitInference", List.of(
                new Uint256(modelId),
                new StaticArray8<>(Uint256.class, proofWords.stream().map(Uint256::new).toList()),
                new DynamicArray<>(Uint256.class, inputWords.stream().map(Uint256::new).toList())), List.of());
        TransactionReceipt receipt = channel.send(address, FunctionEncoder.encode(function), errors, "submitInference");
        Log log = findLog(receipt, INFERENCE_RECORDED, "InferenceRecorded");
        @SuppressWarnings("unchecked")
        List<Uint256> values = (List<Uint256>) FunctionReturnDecoder
                .decode(log.getData(), INFERENCE_RECORDED.getNonIndexedParameters()).get(0).getValue();
        List<BigInteger> inputs = new ArrayList<>();
        values.forEach(v -> inputs.add(v.getValue()));
        return new Submission(Numeric.toBigInt(log.getTopics().get(1)),
                "0x" + log.getTopics().get(2).substring(26), log.getTopics().get(3), List.copyOf(inputs), receipt);
    }

    /** A stored inference ({@code getInference}). */
    public record StoredInference(BigInteger modelId, String submitter, long blockNumber, String publicInputsHash) {}

    /**
      * {@code getInference(inferenceId)}.
      *
      * @throws DeploymentException with error name {@code UnknownInference} if none is recorded
      */
    public StoredInference getInference(String inferenceId) {
        Function function = new Function("getInference", List.of(new Bytes32(Numeric.hexStringToByteArray(inferenceId))),
                List.of(new TypeReference<Uint256>() {}, new TypeReference<Address>() {},
                        new TypeReference<Uint64>() {}, new TypeReference<Bytes32>() {}));
        String result = channel.call(address, FunctionEncoder.encode(function), errors, "getInference");
        List<?> out = FunctionReturnDecoder.decode(result, function.getOutputParameters());
        return new StoredInference((BigInteger) ((Type<?>) out.get(0)).getValue(), out.get(1).toString(),
                ((BigInteger) ((Type<?>) out.get(2)).getValue()).longValueExact(),
                Numeric.toHexString((byte[]) ((Type<?>) out.get(3)).getValue()));
    }

    /** {@code statementHash(modelId, publicInputs)}: the id an inference would be recorded under. */
    public String statementHash(BigInteger modelId, List<Fr> publicInputs) {
        Function function = new Function("statementHash", List.of(new Uint256(modelId),
                new DynamicArray<>(Uint256.class, EvmEncoding.publicInputWords(publicInputs).stream().map(Uint256::new).toList())),
                List.of(new TypeReference<Bytes32>() {}));
        String result = channel.call(address, FunctionEncoder.encode(function), errors, "statementHash");
        return Numeric.toHexString((byte[]) FunctionReturnDecoder.decode(result, function.getOutputParameters()).get(0).getValue());
    }

    private Log findLog(TransactionReceipt receipt, Event event, String name) {
        String topic = EventEncoder.encode(event);
        for (Log log : receipt.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(address) && !log.getTopics().isEmpty()
                    && log.getTopics().get(0).equals(topic)) {
                return log;
            }
        }
        throw new DeploymentException("Transaction " + receipt.getTransactionHash() + " has no " + name + " event from "
                + address, null, null, receipt.getTransactionHash(), null);
    }

    @Override
    public String toString() {
        return "InferenceRegistryClient[" + address + ", as " + channel.from() + "]";
    }
}
