package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
  * Runs a {@code @ChainTest} class through the JUnit engine and watches the node from outside:
  * injected parameters work, {@code @Nested} classes share the node, and after the class the
  * process is gone and its port is free.
  */
class HardhatNodeExtensionIT {

    /** Nodes seen by the sample's tests (port, pid). Static: the sample runs in this JVM. */
    static final List<HardhatNode> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void startsOneNodeForTheClassInjectsParametersAndStopsIt() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Sample.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));

        assertThat(SEEN).hasSize(3);
        HardhatNode node = SEEN.get(0);
        assertThat(SEEN).allSatisfy(n -> assertThat(n).isSameAs(node));
        assertThat(node.isRunning()).isFalse();
        assertThat(ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(HardhatNode.isListening(node.port())).isFalse();
    }

    @Test
    void failingTestsStillStopTheNode() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Failing.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1));

        assertThat(SEEN).hasSize(1);
        assertThat(SEEN.get(0).isRunning()).isFalse();
        assertThat(HardhatNode.isListening(SEEN.get(0).port())).isFalse();
    }

    @ChainTest
    static class Sample {

        private final HardhatNode fromConstructor;

        Sample(HardhatNode node) {
            this.fromConstructor = node;
        }

        @Test
        void readsChainIdAndBalances(HardhatNode node, Web3j web3j, Credentials sender) throws Exception {
            SEEN.add(node);
            assertThat(fromConstructor).isSameAs(node);
            assertThat(node.isRunning()).isTrue();
            assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
            assertThat(sender.getAddress()).isEqualTo(DevAccounts.account(0).getAddress());
            assertThat(web3j.ethGetBalance(sender.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(DevAccounts.INITIAL_BALANCE_WEI);
        }

        @Test
        void injectsOtherDevAccounts(HardhatNode node, Web3j web3j, @DevAccount(19) Credentials last) throws Exception {
            SEEN.add(node);
            assertThat(last.getAddress()).isEqualTo(DevAccounts.account(19).getAddress());
            List<String> accounts = new ArrayList<>(web3j.ethAccounts().send().getAccounts());
            assertThat(accounts).hasSize(DevAccounts.COUNT).contains(last.getAddress());
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingNode(HardhatNode node) {
                SEEN.add(node);
                assertThat(node).isSameAs(fromConstructor);
            }
        }
    }

    @ChainTest
    static class Failing {
        @Test
        @DisplayName("HardhatNodeExtensionIT's deliberately failing sample")
        void fails(HardhatNode node) {
            SEEN.add(node);
            assertThat(node.chainId()).isEqualTo(1); // deliberately wrong
        }
    }
}
