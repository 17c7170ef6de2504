package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.testchain.ChainTest;
import io.zkml4j.testchain.HardhatNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DynamicEIP1559GasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/**
  * Generated verifiers on a real (Hardhat) chain: deploy, verify real proofs by eth_call, every
  * rejection path with its decoded error, snarkjs's calldata shape by raw eth_call, and the gas
  * table (ours vs the precompile floor vs snarkjs's verifier).
  */
@ChainTest
class VerifierDeployerIT {

    static final long CHAIN_ID = HardhatNode.CHAIN_ID;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private static OnChainFixtures fixtures;

    private final Web3j web3j;
    private final TransactionManager tm;
    private final ContractGasProvider gas;

    VerifierDeployerIT(Web3j web3j, Credentials deployer) {
        this.web3j = web3j;
        this.tm = new RawTransactionManager(web3j, deployer, CHAIN_ID);
        this.gas = staticFees(10_000_000);
    }

    @BeforeAll
    static void buildFixtures() {
        fixtures = OnChainFixtures.get();
    }

    static StaticEIP1559GasProvider staticFees(long gasLimit) {
        return new StaticEIP1559GasProvider(CHAIN_ID, GWEI.multiply(BigInteger.valueOf(50)), GWEI,
                BigInteger.valueOf(gasLimit));
    }

    private DeployedVerifier deployOurs(int size) {
        return VerifierDeployer.deploy(web3j, tm, gas, fixtures.contract("Verifier" + size));
    }

    @Test
    void verifiesARealProofOnChainAndRejectsTamperedOnes() {
        OnChainFixtures.Circuit c = fixtures.gas.get(4);
        DeployedVerifier verifier = deployOurs(4);

        assertThat(verifier.deploymentReceipt()).get().extracting(TransactionReceipt::isStatusOK).isEqualTo(true);
        assertThat(verifier.verify(c.proof().proof(), c.inputs())).isTrue();

        List<Fr> otherInputs = new ArrayList<>(c.inputs());
        otherInputs.set(2, otherInputs.get(2).add(Fr.ONE));
        assertThat(verifier.verify(c.proof().proof(), otherInputs)).as("proof for other inputs").isFalse();

        List<BigInteger> words = new ArrayList<>(EvmEncoding.proofWords(c.proof().proof()));
        words.set(6, words.get(6).add(BigInteger.ONE)); // C no longer on the curve
        assertThat(verifier.verifyWords(words, EvmEncoding.publicInputWords(c.inputs()))).as("C off curve").isFalse();

        // A proof of another circuit (same ℓ shape is irrelevant: different key).
        OnChainFixtures.Circuit other = fixtures.gas.get(16);
        assertThat(verifier.verify(other.proof().proof(), c.inputs())).as("foreign proof").isFalse();
    }

    @Test
    void malformedStatementsRevertWithTheDecodedCustomError() {
        OnChainFixtures.Circuit c = fixtures.gas.get(4);
        DeployedVerifier verifier = deployOurs(4);
        List<BigInteger> proof = EvmEncoding.proofWords(c.proof().proof());
        List<BigInteger> inputs = new ArrayList<>(EvmEncoding.publicInputWords(c.inputs()));

        inputs.set(1, Fr.MODULUS);
        assertThatThrownBy(() -> verifier.verifyWords(proof, inputs))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("reverted with PublicInputNotInField()")
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("PublicInputNotInField"));
        assertThatThrownBy(() -> verifier.submitWords(proof, inputs))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("PublicInputNotInField"));

        assertThatThrownBy(() -> verifier.verify(c.proof().proof(), c.inputs().subList(0, 3)))
                .isInstanceOf(DeploymentException.class)
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("InvalidPublicInputCount"));
        List<Fr> five = new ArrayList<>(c.inputs());
        five.add(Fr.ONE);
        assertThatThrownBy(() -> verifier.verify(c.proof().proof(), five))
                .satisfies(e -> assertThat(((DeploymentException) e).errorName()).contains("InvalidPublicInputCount"));
    }

    /**
      * snarkjs's ABI, {@code verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N])}, encoded by
      * hand (all static: selector, then the words) and sent as raw eth_calls, on our verifier's
      * overload and on snarkjs's own verifier. web3j's generated wrappers get the selector of a
      * {@code uint256[2][2]} parameter wrong (web3j issue 1128), hence no wrapper here.
      */
    @Test
    void snarkjsShapedCalldataWorksOnBothVerifiers() {
        OnChainFixtures.Circuit c = fixtures.gas.get(4);
        DeployedVerifier ours = deployOurs(4);
        CompiledContract snarkjsContract = fixtures.contract("SnarkjsVerifier4");
        DeployedContract snarkjs = VerifierDeployer.deployContract(web3j, tm, gas, snarkjsContract, "");
        ContractChannel channel = new ContractChannel(web3j, tm, gas, ReceiptPolling.DEFAULT);
        AbiErrors errors = AbiErrors.of(fixtures.contract("Verifier4").abiJson());

        List<BigInteger> proof = EvmEncoding.proofWords(c.proof().proof());
        List<BigInteger> inputs = EvmEncoding.publicInputWords(c.inputs());
        List<BigInteger> wrongInputs = new ArrayList<>(inputs);
        wrongInputs.set(0, wrongInputs.get(0).add(BigInteger.ONE));

        for (String address : List.of(ours.address(), snarkjs.address())) {
            assertThat(channel.call(address, snarkjsCalldata(proof, inputs), errors, "snarkjs-shaped call"))
                    .as("valid at " + address).isEqualTo(abiBool(true));
            assertThat(channel.call(address, snarkjsCalldata(proof, wrongInputs), errors, "snarkjs-shaped call"))
                    .as("wrong input at " + address).isEqualTo(abiBool(false));
        }
        // The same proof through the stable ABI, for comparison.
        assertThat(ours.verify(c.proof().proof(), c.inputs())).isTrue();
    }

    /** selector of verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N]), then 8 + N words. */
    static String snarkjsCalldata(List<BigInteger> proofWords, List<BigInteger> inputs) {
        StringBuilder data = new StringBuilder(AbiErrors.selector(
                "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + inputs.size() + "])"));
        proofWords.forEach(w -> data.append(String.format("%064x", w)));
        inputs.forEach(w -> data.append(String.format("%064x", w)));
        return data.toString();
    }

    private static String abiBool(boolean value) {
        return "0x" + "0".repeat(63) + (value ? "1" : "0");
    }

    @Test
    void deploysWithFeesReadFromTheNode() {
        ContractGasProvider dynamic = new DynamicEIP1559GasProvider(web3j, CHAIN_ID);
        DeployedVerifier verifier =
                VerifierDeployer.deploy(web3j, tm, dynamic, fixtures.contract("Verifier1"));
        OnChainFixtures.Circuit c = fixtures.gas.get(1);

        assertThat(verifier.deploymentReceipt().orElseThrow().getType()).isEqualTo("0x2"); // EIP-1559
        assertThat(verifier.verify(c.proof().proof(), c.inputs())).isTrue();
        assertThat(verifier.submit(c.proof().proof(), c.inputs()).isStatusOK()).isTrue();
    }

    @Test
    void refusesContractsWithoutTheStableAbi() {
        assertThatThrownBy(() -> VerifierDeployer.deploy(web3j, tm, gas, fixtures.contract("SnarkjsVerifier1")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("SnarkjsVerifier1 has no verifyProof(uint256[8],uint256[])");
        assertThatThrownBy(() -> VerifierDeployer.at(web3j, tm, gas, "0x000000000000000000000000000000000000dEaD",
                fixtures.contract("Verifier1").abiJson()))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("No contract at");
    }

    /**
      * A creation with too little gas is mined with status 0, which the deployer reports with the
      * transaction's hash. Automine is off while sending: in automine mode Hardhat refuses a failing
      * transaction at {@code eth_sendRawTransaction} ("Transaction ran out of gas") instead of
      * returning its hash as a public node does; mining it a moment later reproduces the public
      * node's behaviour. (A starved {@code verifyProof} call would not do: the verifier maps a
      * failed precompile call, out of gas included, to {@code false}, so that transaction succeeds.)
      */
    @Test
    void outOfGasOnChainIsReportedWithTheTransactionHash(HardhatNode node) throws Exception {
        node.rawRpc("evm_setAutomine", "[false]");
        java.util.concurrent.ScheduledExecutorService miner = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            miner.schedule(() -> node.rawRpc("evm_mine", "[]"), 1, java.util.concurrent.TimeUnit.SECONDS);
            assertThatThrownBy(() -> VerifierDeployer.deploy(web3j, tm, staticFees(120_000), fixtures.contract("Verifier1")))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("Deploying Verifier1 failed on chain (status 0x0")
                    .hasMessageContaining("out of gas?")
                    .satisfies(e -> assertThat(((DeploymentException) e).transactionHash()).isPresent());
        } finally {
            miner.shutdownNow();
            node.rawRpc("evm_setAutomine", "[true]");
        }
        // With automine on, Hardhat refuses it outright; the message says so.
        assertThatThrownBy(() -> VerifierDeployer.deploy(web3j, tm, staticFees(120_000), fixtures.contract("Verifier1")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("the node refused the transaction: Transaction ran out of gas");
    }

    @Test
    void receiptTimeoutNamesTheTransaction(HardhatNode node) {
        OnChainFixtures.Circuit c = fixtures.gas.get(1);
        DeployedVerifier verifier = deployOurs(1);
        ContractChannel impatient = new ContractChannel(web3j, tm, gas,
                new ReceiptPolling(Duration.ofMillis(50), Duration.ofMillis(600)));
        node.rawRpc("evm_setAutomine", "[false]");
        try {
            assertThatThrownBy(() -> impatient.send(verifier.address(),
                    DeployedVerifier.calldata(c.proof().proof(), c.inputs()), verifier.errors(), "verifyProof"))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("was not mined within 600 ms")
                    .satisfies(e -> assertThat(((DeploymentException) e).transactionHash()).isPresent());
        } finally {
            node.rawRpc("evm_setAutomine", "[true]");
            node.rawRpc("evm_mine", "[]");
        }
    }

    @Test
    void checksTheChainIdBeforeSigning(HardhatNode node) {
        Web3j ok = NetworkConfig.of(node.rpcUrl(), HardhatNode.CHAIN_ID).connect();
        ok.shutdown();
        assertThatThrownBy(() -> NetworkConfig.of(node.rpcUrl(), 1).connect())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("reports chain id 31337 but the configuration expects 1");
        assertThatThrownBy(() -> NetworkConfig.of("http://127.0.0.1:1/", 1).connect())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("Cannot reach the RPC endpoint http://127.0.0.1:1/");
    }

    /**
      * Gas of {@code verifyProof} as a transaction, from receipts: ours vs the precompile floor
      * {@code 181,100 + 6,350·ℓ} vs snarkjs's verifier, for ℓ = 1, 4, 16. Execution gas is gasUsed
      * minus the intrinsic cost (21,000 + calldata), which differs between the two ABIs.
      */
    @Test
    void gasTable() {
        GasReport report = new GasReport();
        ContractChannel channel = new ContractChannel(web3j, tm, gas, ReceiptPolling.DEFAULT);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%-3s  %9s  %9s  %9s  %9s  %9s  %9s  %9s  %9s%n", "ℓ", "floor", "ours exec", "ours-flr",
                "snark exec", "ours tx", "snark tx", "ours dep", "snark dep"));
        for (int size : OnChainFixtures.GAS_SIZES) {
            OnChainFixtures.Circuit c = fixtures.gas.get(size);
            DeployedVerifier ours = deployOurs(size);
            DeployedContract snarkjs =
                    VerifierDeployer.deployContract(web3j, tm, gas, fixtures.contract("SnarkjsVerifier" + size), "");

            String ourData = DeployedVerifier.calldata(c.proof().proof(), c.inputs());
            GasReport.Entry o = report.record("ours ℓ=" + size,
                    ours.submit(c.proof().proof(), c.inputs()), ourData, false);
            String snarkData = snarkjsCalldata(EvmEncoding.proofWords(c.proof().proof()),
                    EvmEncoding.publicInputWords(c.inputs()));
            GasReport.Entry s = report.record("snarkjs ℓ=" + size,
                    channel.send(snarkjs.address(), snarkData, ours.errors(), "snarkjs verifyProof"), snarkData, false);
            long floor = 181_100 + 6_350L * size;

            table.append(String.format(Locale.ROOT, "%-3d  %,9d  %,9d  %,9d  %,9d  %,9d  %,9d  %,9d  %,9d%n", size, floor,
                    o.executionGas(), o.executionGas() - floor, s.executionGas(), o.gasUsed(), s.gasUsed(),
                    ours.deploymentReceipt().orElseThrow().getGasUsed(), snarkjs.receipt().getGasUsed()));

            // The precompiles alone cost the floor: below it the measurement (or the verifier) is broken.
            assertThat(o.executionGas()).as("ours, ℓ=%d", size).isGreaterThanOrEqualTo(floor);
            assertThat(s.executionGas()).as("snarkjs, ℓ=%d", size).isGreaterThanOrEqualTo(floor);
            // Regression guards, from the measurements in deployer/README.md: glue stays small, and
            // execution is no dearer than snarkjs's verifier.
            assertThat(o.executionGas() - floor).as("ours above the floor, ℓ=%d", size).isLessThan(2_000 + 150L * size);
            assertThat(o.executionGas()).as("ours vs snarkjs, ℓ=%d", size).isLessThanOrEqualTo(s.executionGas());
        }
        System.out.println("verifyProof gas on Hardhat (cancun), from receipts:" + table);
        System.out.println(report.format());
    }
}
