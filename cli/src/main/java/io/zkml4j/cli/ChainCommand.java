package io.zkml4j.cli;

import io.zkml4j.testchain.DevAccounts;
import io.zkml4j.testchain.HardhatNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zkml4j chain}: a local Hardhat node in the foreground, until Ctrl-C or SIGTERM. The node is a
 * child process ({@link HardhatNode}); a shutdown hook stops it (and its descendants) and waits for
 * it, so the port is free when the command has exited.
 */
@Command(name = "chain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a local Hardhat node (test-chain's pinned Hardhat, hardfork cancun, chain id "
                    + HardhatNode.CHAIN_ID + ") on 127.0.0.1 until Ctrl-C or SIGTERM. Needs Node.js >= 20 and "
                    + "test-chain/node_modules.",
            "Prints the RPC URL, the chain id and the funded development accounts. Their private keys are "
                    + "Hardhat's public test keys: never use them on a real network."
        })
final class ChainCommand implements Callable<Integer> {

    /** How many funded accounts are listed. */
    static final int ACCOUNTS_SHOWN = 5;

    private final Ui ui;

    @Option(names = "--port", paramLabel = "N",
            description = "The port to listen on (default: a free one; wallets and scripts often expect 8545).")
    int port;

    ChainCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new CliException("--port " + port + ": expected a TCP port between 1 and 65535 (0: a free one)");
        }
        ui.summary("starting a Hardhat node on " + HardhatNode.HOST + (port == 0 ? "" : ":" + port) + "…");
        HardhatNode node = HardhatNode.builder().port(port).start();
        Thread stop = new Thread(() -> {
            ui.summary("stopping the Hardhat node (pid " + node.pid() + ")…");
            node.close();
        }, "zkml4j-chain-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            ui.result("RPC URL:  " + node.rpcUrl());
            ui.result("Chain id: " + node.chainId());
            ui.result("Accounts (" + DevAccounts.COUNT + " funded with 10000 ETH each; the first "
                    + ACCOUNTS_SHOWN + "):");
            for (int i = 0; i < ACCOUNTS_SHOWN; i++) {
                ui.result("  #" + i + " " + org.web3j.crypto.Keys.toChecksumAddress(
                        DevAccounts.account(i).getAddress()));
            }
            ui.result("Their private keys are Hardhat's public test keys (mnemonic \"" + DevAccounts.MNEMONIC
                    + "\"): anyone can spend from these accounts. Never use them on a real network.");
            ui.summary("node pid " + node.pid() + ", log " + node.logFile() + "; press Ctrl-C to stop");
            while (node.isRunning()) {
                Thread.sleep(500);
            }
            ui.warn("the Hardhat node exited by itself; the end of its log (" + node.logFile() + "):\n"
                    + node.logTail(2_000));
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            // Reached only when the node died or the wait was interrupted; a signal ends the JVM in the hook.
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
            node.close();
        }
    }
}
