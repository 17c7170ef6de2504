package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.testchain.ChainTest;
import io.zkml4j.testchain.DevAccount;
import io.zkml4j.testchain.HardhatNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
  * contracts/examples/InferenceRegistry.sol with a real proof and our generated verifier: the
  * circuit's public signals are {@code [y, submitter]} (see {@link OnChainFixtures#INFERENCE_CIRCUIT}),
  * proven for dev account {@value OnChainFixtures#SUBMITTER_ACCOUNT}.
  */
@ChainTest
class InferenceRegistryIT {

    private static OnChainFixtures fixtures;

    private final Web3j web3j;
    private final Credentials owner;
    private final Credentials prover;
    private final Credentials mallory;
    private InferenceRegistryClient asOwner;
    private DeployedVerifier verifier;
    private BigInteger modelId;

    InferenceRegistryIT(Web3j web3j, Credentials owner, @DevAccount(OnChainFixtures.SUBMITTER_ACCOUNT) Credentials prover,
            @DevAccount(2) Credentials mallory) {
        this.web3j = web3j;
        this.owner = owner;
        this.prover = prover;
        this.mallory = mallory;
    }

    @BeforeAll
    static void buildFixtures() {
        fixtures = OnChainFixtures.get();
    }

    private InferenceRegistryClient as(InferenceRegistryClient registry, Credentials who) {
        return registry.as(new RawTransactionManager(web3j, who, HardhatNode.CHAIN_ID), VerifierDeployerIT.staticFees(3_000_000));
    }

    @BeforeEach
    void deployRegistryAndModel() {
        RawTransactionManager tm = new RawTransactionManager(web3j, owner, HardhatNode.CHAIN_ID);
        verifier = VerifierDeployer.deploy(web3j, tm, VerifierDeployerIT.staticFees(10_000_000),
                fixtures.contract("InferenceVerifier"));
        asOwner = InferenceRegistryClient.deploy(web3j, tm, VerifierDeployerIT.staticFees(10_000_000),
                        fixtures.contract("InferenceRegistry"))
                .withVerifierErrors(fixtures.contract("InferenceVerifier").abiJson());
        // public signals [y, submitter]: submitter at index 1, no commitment input
        modelId = asOwner.registerModel(verifier.address(), Hash.sha3("tiny model v1".getBytes()), 2, 1,
                InferenceRegistryClient.NO_INDEX).modelId();
    }

    @Test
    void theBoundSubmitterRecordsAnInference() {
        OnChainFixtures.Circuit c = fixtures.inference;
        assertThat(c.inputs().get(1).toBigInteger()).isEqualTo(Numeric.toBigInt(prover.getAddress()));
        assertThat(c.inputs().get(0)).isEqualTo(Fr.of(144)); // y = 12²

        InferenceRegistryClient.Submission s = as(asOwner, prover).submitInference(modelId, c.proof().proof(), c.inputs());

        assertThat(s.receipt().isStatusOK()).isTrue();
        assertThat(s.modelId()).isEqualTo(modelId);
        assertThat(s.submitter()).isEqualTo(prover.getAddress());
        assertThat(s.publicInputs()).isEqualTo(EvmEncoding.publicInputWords(c.inputs()));
        assertThat(s.inferenceId()).isEqualTo(asOwner.statementHash(modelId, c.inputs()));

        InferenceRegistryClient.StoredInference stored = asOwner.getInference(s.inferenceId());
        assertThat(stored.modelId()).isEqualTo(modelId);
        assertThat(stored.submitter()).isEqualTo(prover.getAddress());
        assertThat(stored.blockNumber()).isEqualTo(s.receipt().getBlockNumber().longValueExact());
        System.out.println("submitInference with a real proof (2 public inputs): gas used " + s.receipt().getGasUsed());
    }

    @Test
    void aReplayRevertsWithProofAlreadyUsed() {
        OnChainFixtures.Circuit c = fixtures.inference;
        InferenceRegistryClient registry = as(asOwner, prover);
        String id = registry.submitInference(modelId, c.proof().proof(), c.inputs()).inferenceId();

        assertThatThrownBy(() -> registry.submitInference(modelId, c.proof().proof(), c.inputs()))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("submitInference reverted with ProofAlreadyUsed(bytes32) [" + id + "]")
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("ProofAlreadyUsed"));
    }

    @Test
    void anotherSenderIsRejected() {
        OnChainFixtures.Circuit c = fixtures.inference;
        InferenceRegistryClient thief = as(asOwner, mallory);

        // The proof as is: it binds the prover's address.
        assertThatThrownBy(() -> thief.submitInference(modelId, c.proof().proof(), c.inputs()))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("SubmitterMismatch"));

        // The submitter input rewritten to the thief's address: the proof no longer verifies.
        List<Fr> rewritten = new ArrayList<>(c.inputs());
        rewritten.set(1, Fr.of(Numeric.toBigInt(mallory.getAddress())));
        assertThatThrownBy(() -> thief.submitInference(modelId, c.proof().proof(), rewritten))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("InvalidProof"));

        // And the rightful submitter can still record it afterwards.
        assertThat(as(asOwner, prover).submitInference(modelId, c.proof().proof(), c.inputs()).receipt().isStatusOK())
                .isTrue();
    }

    @Test
    void verifierErrorsAndRegistryChecksSurfaceByName() {
        OnChainFixtures.Circuit c = fixtures.inference;
        InferenceRegistryClient registry = as(asOwner, prover);
        List<BigInteger> proof = EvmEncoding.proofWords(c.proof().proof());
        List<BigInteger> inputs = new ArrayList<>(EvmEncoding.publicInputWords(c.inputs()));

        List<BigInteger> outOfField = new ArrayList<>(inputs);
        outOfField.set(0, Fr.MODULUS.add(BigInteger.valueOf(144)));
        assertThatThrownBy(() -> registry.submitInferenceWords(modelId, proof, outOfField))
                .hasMessageContaining("PublicInputNotInField()")
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("PublicInputNotInField"));

        assertThatThrownBy(() -> registry.submitInferenceWords(modelId, proof, inputs.subList(0, 1)))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("WrongPublicInputCount"));

        List<BigInteger> tampered = new ArrayList<>(proof);
        tampered.set(0, tampered.get(0).add(BigInteger.ONE));
        assertThatThrownBy(() -> registry.submitInferenceWords(modelId, tampered, inputs))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("InvalidProof"));

        assertThatThrownBy(() -> registry.submitInference(BigInteger.valueOf(99), c.proof().proof(), c.inputs()))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("UnknownModel"));
        assertThatThrownBy(() -> asOwner.getInference("0x" + "00".repeat(32)))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("UnknownInference"));
    }

    @Test
    void registrationIsCheckedOnBothSides() {
        assertThatThrownBy(() -> asOwner.registerModel(verifier.address(), new byte[31], 2, 1, InferenceRegistryClient.NO_INDEX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte model commitment but got 31 bytes");
        assertThatThrownBy(() -> asOwner.registerModel(verifier.address(), new byte[32], 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commitment index below 2");
        // The contract's own checks, by name.
        assertThatThrownBy(() -> asOwner.registerModel(verifier.address(), new byte[32], 2, 2, InferenceRegistryClient.NO_INDEX))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("BadInputIndex"));
        assertThatThrownBy(() -> asOwner.registerModel(prover.getAddress(), new byte[32], 2, 1, InferenceRegistryClient.NO_INDEX))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("VerifierNotAContract"));
        assertThat(asOwner.registerModel(verifier.address(), new byte[32], 2, 1, InferenceRegistryClient.NO_INDEX).modelId())
                .isEqualTo(modelId.add(BigInteger.ONE));
    }
}
