package io.zkml4j.deployer;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.gas.ContractGasProvider;

/**
  * The deployer's one path to the chain: {@code eth_call}s, and transactions that are simulated
  * first, sent (EIP-1559 when the gas provider is a {@link ContractEIP1559GasProvider}, legacy
  * otherwise), polled for their receipt and checked for success. Every revert, on simulation or on
  * chain, becomes a {@link DeploymentException} naming the decoded error.
  */
final class ContractChannel {

    private static final Pattern HEX_DATA = Pattern.compile("\"?(0x[0-9a-fA-F]*)\"?");
    private static final Pattern NESTED_DATA = Pattern.compile("\"data\"\\s*:\\s*\"(0x[0-9a-fA-F]*)\"");

    private final Web3j web3j;
    private final TransactionManager transactionManager;
    private final ContractGasProvider gasProvider;
    private final ReceiptPolling polling;

    ContractChannel(Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider,
            ReceiptPolling polling) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.gasProvider = Objects.requireNonNull(gasProvider, "gasProvider");
        this.polling = Objects.requireNonNull(polling, "polling");
    }

    Web3j web3j() {
        return web3j;
    }

    String from() {
        return transactionManager.getFromAddress();
    }

    /** {@code eth_call} against the latest block; returns the result data (hex with 0x). */
    String call(String to, String data, AbiErrors errors, String what) {
        return call(Transaction.createEthCallTransaction(from(), to, data), DefaultBlockParameterName.LATEST, errors, what, null);
    }

    private String call(Transaction tx, DefaultBlockParameter block, AbiErrors errors, String what, String txHash) {
        EthCall response;
        try {
            response = web3j.ethCall(tx, block).send();
        } catch (IOException e) {
            throw new DeploymentException(what + ": eth_call failed: " + e.getMessage(), e);
        }
        if (response.hasError()) {
            Response.Error error = response.getError();
            Optional<String> data = revertData(error);
            if (data.isPresent() || isRevertMessage(error.getMessage())) {
                throw DeploymentException.reverted(what, errors.decode(data.orElse(null)), txHash);
            }
            throw new DeploymentException(what + ": eth_call error " + error.getCode() + ": " + error.getMessage());
        }
        if (response.isReverted()) {
            throw DeploymentException.reverted(what, errors.decode(response.getRevertReasonEncodedData()), txHash);
        }
        return response.getValue();
    }

    /** Sends a transaction to {@code to} (null: contract creation) and returns its successful receipt. */
    TransactionReceipt send(String to, String data, AbiErrors errors, String what) {
        boolean creation = to == null;
        // Simulate first: a revert surfaces with its decoded error, and no gas is spent on it.
        Transaction simulation = creation
                ? Transaction.createContractTransaction(from(), null, null, data)
                : Transaction.createEthCallTransaction(from(), to, data);
        call(simulation, DefaultBlockParameterName.PENDING, errors, what, null);

        BigInteger gasLimit = gasLimit(creation
                ? Transaction.createContractTransaction(from(), null, null, null, BigInteger.ZERO, data)
                : Transaction.createFunctionCallTransaction(from(), null, null, null, to, BigInteger.ZERO, data));
        EthSendTransaction sent;
        try {
            if (gasProvider instanceof ContractEIP1559GasProvider eip1559) {
                sent = transactionManager.sendEIP1559Transaction(
                        eip1559.getChainId(), eip1559.getMaxPriorityFeePerGas(), eip1559.getMaxFeePerGas(),
                        gasLimit, creation ? "" : to, data, BigInteger.ZERO, creation);
            } else {
                sent = transactionManager.sendTransaction(
                        gasProvider.getGasPrice(), gasLimit, creation ? "" : to, data, BigInteger.ZERO, creation);
            }
        } catch (IOException e) {
            throw new DeploymentException(what + ": sending the transaction failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gas providers that query the node wrap failures in RuntimeException.
            throw new DeploymentException(what + ": preparing the transaction failed: " + e.getMessage(), e);
        }
        if (sent.hasError()) {
            throw new DeploymentException(what + ": the node refused the transaction: " + sent.getError().getMessage());
        }
        String hash = sent.getTransactionHash();
        TransactionReceipt receipt = awaitReceipt(hash, what);
        if (!receipt.isStatusOK()) {
            // Replay at the block that mined it to learn why (the state may have changed since the simulation).
            Transaction replay = creation
                    ? Transaction.createContractTransaction(from(), null, null, data)
                    : Transaction.createEthCallTransaction(from(), to, data);
            call(replay, DefaultBlockParameter.valueOf(receipt.getBlockNumber()), errors, what, hash);
            throw new DeploymentException(what + " failed on chain (status " + receipt.getStatus() + ", gas used "
                    + receipt.getGasUsed() + " of " + gasLimit + "; out of gas?)", null, null, hash, null);
        }
        return receipt;
    }

    private BigInteger gasLimit(Transaction estimateRequest) {
        try {
            BigInteger limit = gasProvider.getGasLimit(estimateRequest);
            if (limit == null || limit.signum() <= 0) {
                throw new DeploymentException("The gas provider returned no gas limit (" + limit + ")");
            }
            return limit;
        } catch (DeploymentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeploymentException("The gas provider failed: " + e.getMessage(), e);
        }
    }

    private TransactionReceipt awaitReceipt(String hash, String what) {
        long deadline = System.nanoTime() + polling.timeout().toNanos();
        while (true) {
            try {
                EthGetTransactionReceipt response = web3j.ethGetTransactionReceipt(hash).send();
                if (response.hasError()) {
                    throw new DeploymentException(what + ": eth_getTransactionReceipt(" + hash + ") failed: "
                            + response.getError().getMessage(), null, null, hash, null);
                }
                Optional<TransactionReceipt> receipt = response.getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
            } catch (IOException e) {
                throw new DeploymentException(what + ": polling the receipt of " + hash + " failed: " + e.getMessage(),
                        null, null, hash, e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DeploymentException(what + ": transaction " + hash + " was not mined within "
                        + human(polling.timeout()) + " (it may still be mined later)", null, null, hash, null);
            }
            try {
                Thread.sleep(polling.interval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeploymentException(what + ": interrupted while waiting for " + hash, null, null, hash, e);
            }
        }
    }

    private static String human(java.time.Duration d) {
        return d.toMillis() < 1_000 || d.toMillis() % 1_000 != 0 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /**
      * The revert data of a JSON-RPC error: nodes put it in {@code error.data}, as a hex string
      * (Hardhat, geth) or inside an object ({@code {"data": "0x…", "message": …}}, some providers).
      */
    static Optional<String> revertData(Response.Error error) {
        String data = error.getData();
        if (data == null || data.isBlank()) {
            return Optional.empty();
        }
        Matcher whole = HEX_DATA.matcher(data.strip());
        if (whole.matches()) {
            return Optional.of(whole.group(1));
        }
        Matcher nested = NESTED_DATA.matcher(data);
        return nested.find() ? Optional.of(nested.group(1)) : Optional.empty();
    }

    private static boolean isRevertMessage(String message) {
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("revert");
    }
}
