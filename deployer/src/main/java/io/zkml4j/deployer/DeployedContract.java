package io.zkml4j.deployer;

import java.io.IOException;
import java.util.Objects;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
  * A contract creation that succeeded.
  *
  * @param contractName the contract's name in its source
  * @param address where it lives (checksum-free lower-case hex, as the node reported it)
  * @param receipt the creation transaction's receipt (gas used, block)
  */
public record DeployedContract(String contractName, String address, TransactionReceipt receipt) {

    public DeployedContract {
        Objects.requireNonNull(contractName, "contractName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(receipt, "receipt");
    }

    static void requireCode(Web3j web3j, String address) {
        EthGetCode code;
        try {
            code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send();
        } catch (IOException e) {
            throw new DeploymentException("eth_getCode(" + address + ") failed: " + e.getMessage(), e);
        }
        if (code.hasError()) {
            throw new DeploymentException("eth_getCode(" + address + ") failed: " + code.getError().getMessage());
        }
        if (code.getCode() == null || code.getCode().equals("0x")) {
            throw new DeploymentException("No contract at " + address);
        }
    }
}
