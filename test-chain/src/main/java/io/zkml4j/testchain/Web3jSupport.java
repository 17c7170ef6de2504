package io.zkml4j.testchain;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
  * The only place {@link HardhatNodeExtension} touches web3j types. Kept in its own class so the
  * extension loads (and the snarkjs harness works) without web3j on the class path: the JVM links
  * this class only when a test asks for a web3j parameter.
  */
final class Web3jSupport {

    static final String WEB3J = "org.web3j.protocol.Web3j";
    static final String CREDENTIALS = "org.web3j.crypto.Credentials";

    private Web3jSupport() {
    }

    /**
      * A client for the node. web3j's {@link HttpService} uses OkHttp, which speaks HTTP/1.1 to a
      * cleartext URL (it never sends the h2c upgrade Hardhat rejects), so no client tuning is needed.
      */
    static Object connect(HardhatNode node) {
        return Web3j.build(new HttpService(node.rpcUrl()));
    }

    static void shutdown(Object web3j) {
        ((Web3j) web3j).shutdown();
    }

    static Object credentials(int index) {
        return DevAccounts.account(index);
    }
}
