package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.deployer.generated.IZkmlVerifier;
import io.zkml4j.deployer.generated.InferenceRegistry;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.testchain.ChainTest;
import io.zkml4j.testchain.DevAccount;
import io.zkml4j.testchain.HardhatNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;

/**
  * The web3j wrappers generated at build time ({@code io.zkml4j.deployer.generated}, from
  * {@code contracts/interfaces/IZkmlVerifier.sol} and {@code contracts/examples/InferenceRegistry.sol}
  * by {@code SolidityFunctionWrapperGenerator}; see deployer/README.md) against real verifiers and
  * proofs on a Hardhat chain. They cover the stable {@code verifyProof(uint256[8],uint256[])} ABI only:
  * snarkjs's {@code uint256[2][2]}-shaped overload gets a wrong selector in generated wrappers (web3j
  * issue 1128) and stays tested by raw eth_calls in
  * {@link VerifierDeployerIT#snarkjsShapedCalldataWorksOnBothVerifiers()}.
  */
@ChainTest
class GeneratedWrappersIT {

    private static OnChainFixtures fixtures;

    private final Web3j web3j;
    private final Credentials owner;
    private final Credentials prover;
    private final TransactionManager ownerTm;

    GeneratedWrappersIT(Web3j web3j, Credentials owner,
            @DevAccount(OnChainFixtures.SUBMITTER_ACCOUNT) Credentials prover) {
        this.web3j = web3j;
        this.owner = owner;
        this.prover = prover;
        this.ownerTm = new RawTransactionManager(web3j, owner, HardhatNode.CHAIN_ID);
    }

    @BeforeAll
    static void buildFixtures() {
        fixtures = OnChainFixtures.get();
    }

    @Test
    void generatedVerifierWrapperAcceptsARealProofAndRejectsTamperedOnes() throws Exception {
        OnChainFixtures.Circuit c = fixtures.gas.get(4);
        DeployedVerifier deployed = VerifierDeployer.deploy(web3j, ownerTm, VerifierDeployerIT.staticFees(10_000_000),
                fixtures.contract("Verifier4"));
        IZkmlVerifier wrapper = IZkmlVerifier.load(deployed.address(), web3j, owner,
                VerifierDeployerIT.staticFees(10_000_000));

        List<BigInteger> proof = EvmEncoding.proofWords(c.proof().proof());
        List<BigInteger> inputs = EvmEncoding.publicInputWords(c.inputs());

        // Same selector and words as the hand-written client's calldata: the flat uint256[8] ABI
        // is the one web3j's generator encodes correctly.
        assertThat(wrapper.verifyProof(proof, inputs).encodeFunctionCall())
                .isEqualTo(DeployedVerifier.calldata(proof, inputs))
                .startsWith(Hash.sha3String(DeployedVerifier.VERIFY_PROOF).substring(0, 10));

        assertThat(wrapper.verifyProof(proof, inputs).send()).as("real proof").isTrue();

        List<BigInteger> offCurve = new ArrayList<>(proof);
        offCurve.set(6, offCurve.get(6).add(BigInteger.ONE));
        assertThat(wrapper.verifyProof(offCurve, inputs).send()).as("C off the curve").isFalse();

        List<BigInteger> otherInputs = new ArrayList<>(inputs);
        otherInputs.set(2, otherInputs.get(2).add(BigInteger.ONE));
        assertThat(wrapper.verifyProof(proof, otherInputs).send()).as("proof for other inputs").isFalse();

        // The hand-written client agrees on all three.
        assertThat(deployed.verifyWords(proof, inputs)).isTrue();
        assertThat(deployed.verifyWords(offCurve, inputs)).isFalse();
        assertThat(deployed.verifyWords(proof, otherInputs)).isFalse();
    }

    @Test
    void generatedRegistryWrapperRegistersAModelAndRecordsAnInference() throws Exception {
        DeployedVerifier verifier = VerifierDeployer.deploy(web3j, ownerTm, VerifierDeployerIT.staticFees(10_000_000),
                fixtures.contract("InferenceVerifier"));
        InferenceRegistry registry = InferenceRegistry.deploy(web3j, ownerTm, VerifierDeployerIT.staticFees(10_000_000))
                .send();
        assertThat(registry.getTransactionReceipt()).get().extracting(TransactionReceipt::isStatusOK).isEqualTo(true);
        BigInteger noIndex = registry.NO_INDEX().send();
        assertThat(noIndex).isEqualTo(BigInteger.valueOf(InferenceRegistryClient.NO_INDEX));

        byte[] commitment = Hash.sha3("generated-wrapper model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // public signals [y, submitter]: submitter at index 1, no commitment input
        TransactionReceipt registered = registry.registerModel(verifier.address(), commitment, BigInteger.TWO,
                BigInteger.ONE, noIndex).send();
        assertThat(registered.isStatusOK()).isTrue();
        List<InferenceRegistry.ModelRegisteredEventResponse> events = InferenceRegistry.getModelRegisteredEvents(registered);
        assertThat(events).hasSize(1);
        BigInteger modelId = events.get(0).modelId;
        assertThat(modelId).isEqualTo(BigInteger.ONE);
        assertThat(events.get(0).verifier).isEqualToIgnoringCase(verifier.address());
        assertThat(registry.modelCount().send()).isEqualTo(BigInteger.ONE);

        InferenceRegistry.Model model = registry.getModel(modelId).send();
        assertThat(model.verifier).isEqualToIgnoringCase(verifier.address());
        assertThat(model.owner).isEqualToIgnoringCase(owner.getAddress());
        assertThat(model.commitment).isEqualTo(commitment);
        assertThat(model.publicInputCount).isEqualTo(BigInteger.TWO);
        assertThat(model.submitterIndex).isEqualTo(BigInteger.ONE);
        assertThat(model.commitmentIndex).isEqualTo(noIndex);
        assertThat(model.active).isTrue();

        // The bound submitter records the real inference proof through the generated wrapper.
        OnChainFixtures.Circuit c = fixtures.inference;
        List<BigInteger> inputs = EvmEncoding.publicInputWords(c.inputs());
        assertThat(c.inputs().get(1)).isEqualTo(Fr.of(Numeric.toBigInt(prover.getAddress())));
        InferenceRegistry asProver = InferenceRegistry.load(registry.getContractAddress(), web3j,
                new RawTransactionManager(web3j, prover, HardhatNode.CHAIN_ID), VerifierDeployerIT.staticFees(3_000_000));
        TransactionReceipt submitted = asProver.submitInference(modelId, EvmEncoding.proofWords(c.proof().proof()), inputs)
                .send();
        assertThat(submitted.isStatusOK()).isTrue();
        List<InferenceRegistry.InferenceRecordedEventResponse> recorded =
                InferenceRegistry.getInferenceRecordedEvents(submitted);
        assertThat(recorded).hasSize(1);
        byte[] inferenceId = recorded.get(0).inferenceId;
        assertThat(registry.isRecorded(inferenceId).send()).isTrue();
        InferenceRegistry.Inference stored = registry.getInference(inferenceId).send();
        assertThat(stored.modelId).isEqualTo(modelId);
        assertThat(stored.submitter).isEqualToIgnoringCase(prover.getAddress());
        assertThat(stored.blockNumber).isEqualTo(submitted.getBlockNumber());

        // The hand-written client reads the same registry and computes the same statement hash.
        InferenceRegistryClient client = InferenceRegistryClient.at(web3j, ownerTm, VerifierDeployerIT.staticFees(3_000_000),
                registry.getContractAddress(), fixtures.contract("InferenceRegistry").abiJson());
        assertThat(client.statementHash(modelId, c.inputs()))
                .isEqualTo(Numeric.toHexString(registry.statementHash(modelId, inputs).send()));
        assertThat(client.getInference(Numeric.toHexString(inferenceId)).publicInputsHash())
                .isEqualTo(Numeric.toHexString(stored.publicInputsHash));
    }
}
