package io.zkml4j.deployer;

import io.zkml4j.codegen.CompiledContract;
import java.util.Objects;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
  * Deploys compiled contracts (a generated Groth16 verifier above all) and binds them to typed
  * clients.
  *
  * <pre>{@code
  * Web3j web3j = network.connect();                        // checks the chain id
  * TransactionManager tm = new RawTransactionManager(web3j, Keys.fromEnvironment("ZKML_KEY"), network.chainId());
  * ContractGasProvider gas = new DynamicEIP1559GasProvider(web3j, network.chainId());   // fees from the node
  * DeployedVerifier verifier = VerifierDeployer.deploy(web3j, tm, gas, compiledVerifier);
  * boolean ok = verifier.verify(proof, publicInputs);      // eth_call, free
  * }</pre>
  *
  * <p>Transactions are EIP-1559 (type 2) when the gas provider is a
  * {@code ContractEIP1559GasProvider} (web3j's {@code StaticEIP1559GasProvider} or
  * {@code DynamicEIP1559GasProvider}, which reads the base fee and {@code eth_maxPriorityFeePerGas}
  * and estimates the gas limit), legacy otherwise. Each one is simulated with {@code eth_call}
  * first, so a revert is reported with its decoded custom error before any gas is spent.
  */
public final class VerifierDeployer {

    private VerifierDeployer() {
    }

    /**
      * Deploys {@code contract} (a verifier implementing {@code IZkmlVerifier}) and waits for its
      * receipt, with {@link ReceiptPolling#DEFAULT}.
      *
      * @throws DeploymentException if the contract has no creation bytecode or no
      *     {@code verifyProof(uint256[8],uint256[])} in its ABI, the transaction reverts, is refused or
      *     is not mined in time
      */
    public static DeployedVerifier deploy(
            Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider,
            CompiledContract contract) {
        return deploy(web3j, transactionManager, gasProvider, contract, ReceiptPolling.DEFAULT);
    }

    /** As {@link #deploy(Web3j, TransactionManager, ContractGasProvider, CompiledContract)}, polling as given. */
    public static DeployedVerifier deploy(
            Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider,
            CompiledContract contract, ReceiptPolling polling) {
        DeployedVerifier.requireVerifierAbi(contract);
        ContractChannel channel = new ContractChannel(web3j, transactionManager, gasProvider, polling);
        DeployedContract deployed = deployContract(channel, contract, "");
        return new DeployedVerifier(channel, deployed.address(), AbiErrors.of(contract.abiJson()),
                contract.contractName(), deployed.receipt());
    }

    /**
      * A client for a verifier already deployed at {@code address}; {@code abiJson} supplies the
      * custom errors to decode (the verifier's ABI; {@code IZkmlVerifier}'s suffices).
      *
      * @throws DeploymentException if there is no code at {@code address}
      */
    public static DeployedVerifier at(
            Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider,
            String address, String abiJson) {
        ContractChannel channel =
                new ContractChannel(web3j, transactionManager, gasProvider, ReceiptPolling.DEFAULT);
        DeployedContract.requireCode(web3j, address);
        return new DeployedVerifier(channel, address, AbiErrors.of(abiJson), "verifier", null);
    }

    /**
      * Deploys any compiled contract: its creation bytecode followed by {@code constructorArgsHex}
      * (ABI-encoded constructor arguments, hex, empty when there are none).
      */
    public static DeployedContract deployContract(
            Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider,
            CompiledContract contract, String constructorArgsHex) {
        return deployContract(new ContractChannel(web3j, transactionManager, gasProvider, ReceiptPolling.DEFAULT),
                contract, constructorArgsHex);
    }

    static DeployedContract deployContract(ContractChannel channel, CompiledContract contract, String constructorArgsHex) {
        Objects.requireNonNull(contract, "contract");
        if (contract.bytecode().isEmpty()) {
            throw new DeploymentException(contract.contractName()
                    + " has no creation bytecode (an interface or abstract contract cannot be deployed)");
        }
        String args = constructorArgsHex.startsWith("0x") ? constructorArgsHex.substring(2) : constructorArgsHex;
        TransactionReceipt receipt = channel.send(null, "0x" + contract.bytecode() + args,
                AbiErrors.of(contract.abiJson()), "Deploying " + contract.contractName());
        String address = receipt.getContractAddress();
        if (address == null) {
            throw new DeploymentException("Deploying " + contract.contractName()
                    + ": the receipt names no contract address", null, null, receipt.getTransactionHash(), null);
        }
        return new DeployedContract(contract.contractName(), address, receipt);
    }
}
