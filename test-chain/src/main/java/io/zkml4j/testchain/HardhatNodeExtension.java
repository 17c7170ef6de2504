package io.zkml4j.testchain;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
  * JUnit 5 extension giving a test class a local Hardhat node ({@link HardhatNode}); usually
  * applied through {@link ChainTest @ChainTest}.
  *
  * <p><b>Lifecycle: one node per top-level test class.</b> The node starts in {@code beforeAll} (or
  * earlier, if a {@code @TestInstance(PER_CLASS)} constructor asks for a parameter) on a free
  * loopback port, and stops in {@code afterAll}; a JVM shutdown hook stops it if the JVM dies
  * first. {@code @Nested} classes share their enclosing class's node. Tests of one class therefore
  * share chain state (deployed contracts, nonces, balances); a test that needs a clean chain can
  * take {@code evm_snapshot}/{@code evm_revert} through {@link HardhatNode#rawRpc}. A node costs
  * about 2 s to start here, which is why it is not per method; it is not per JVM either, so that
  * classes cannot see each other's state and a crashed node fails one class only.
  *
  * <p><b>Parameters</b> (constructor, lifecycle and test methods):
  * <ul>
  *   <li>{@link HardhatNode}: RPC URL, port, chain id (31337), log file;
  *   <li>{@code org.web3j.protocol.Web3j}: a client for the node, shared by the class and shut down
  *       with it;
  *   <li>{@code org.web3j.crypto.Credentials}: funded dev account 0, or the account chosen with
  *       {@link DevAccount @DevAccount(i)} (see {@link DevAccounts}).
  * </ul>
  * The web3j types need web3j {@code core} on the test class path; the extension itself does not
  * link web3j unless such a parameter is requested.
  *
  * <p><b>Logs.</b> The node writes to {@code target/hardhat/hardhat-node-<port>.log} of the module
  * running the tests. A failed start throws with the log's tail; when a test fails, the log's path is
  * printed to standard error.
  */
public final class HardhatNodeExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HardhatNodeExtension.class);
    private static final String KEY = "node";

    @Override
    public void beforeAll(ExtensionContext context) {
        resource(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Running running = store.get(KEY, Running.class);
        // Only the class that started the node stops it; @Nested classes leave it to their parent.
        if (running != null && running.owner.equals(context.getUniqueId())) {
            store.remove(KEY, Running.class);
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        // Compared by name: a class-literal reference would make this class need web3j to load.
        return type == HardhatNode.class
                || type.getName().equals(Web3jSupport.WEB3J)
                || type.getName().equals(Web3jSupport.CREDENTIALS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        Running running = resource(extensionContext);
        if (type == HardhatNode.class) {
            return running.node;
        }
        if (type.getName().equals(Web3jSupport.WEB3J)) {
            return running.web3j();
        }
        int index = parameterContext.findAnnotation(DevAccount.class).map(DevAccount::value).orElse(0);
        try {
            return Web3jSupport.credentials(index);
        } catch (IndexOutOfBoundsException e) {
            throw new ParameterResolutionException(
                    "@DevAccount on " + parameterContext.getParameter() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Running running = context.getStore(NAMESPACE).get(KEY, Running.class);
        if (running != null) {
            System.err.println(
                    "[HardhatNodeExtension] " + context.getDisplayName() + " failed; Hardhat node log: "
                            + running.node.logFile());
        }
    }

    /** The running node of the enclosing class context, started on first use. */
    private static Running resource(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, k -> new Running(HardhatNode.start(), classContext.getUniqueId()), Running.class);
    }

    /** The nearest class-level context: method contexts hand over to their class. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current;
    }

    /**
      * A started node plus its lazily built web3j client. Also a {@code CloseableResource}, so the
      * store stops the node even if {@code afterAll} never runs (e.g. a failing {@code beforeAll} of
      * another extension).
      */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final HardhatNode node;
        final String owner;
        private Object web3j;
        private boolean closed;

        Running(HardhatNode node, String owner) {
            this.node = node;
            this.owner = owner;
        }

        synchronized Object web3j() {
            if (closed) {
                throw new ParameterResolutionException("The Hardhat node of this class is already stopped");
            }
            if (web3j == null) {
                web3j = Web3jSupport.connect(node);
            }
            return web3j;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (web3j != null) {
                    Web3jSupport.shutdown(web3j);
                }
            } finally {
                node.close();
            }
        }
    }
}
