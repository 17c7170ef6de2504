package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevAccountsTest {

    @Test
    void derivesTheAddressesHardhatPrintsAtStart() {
        // As listed by `hardhat node` 2.29.1 for its default mnemonic.
        assertThat(DevAccounts.account(0).getAddress()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(DevAccounts.account(1).getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(DevAccounts.account(7).getAddress()).isEqualTo("0x14dc79964da2c08b23698b3d3cc7ca32193d9955");
        assertThat(DevAccounts.account(0).getEcKeyPair().getPrivateKey().toString(16))
                .isEqualTo("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    }

    @Test
    void hasTwentyDistinctAccounts() {
        assertThat(DevAccounts.all()).hasSize(DevAccounts.COUNT);
        assertThat(DevAccounts.all().stream().map(c -> c.getAddress()).distinct()).hasSize(20);
    }

    @Test
    void rejectsIndicesOutsideTheFundedRange() {
        assertThatThrownBy(() -> DevAccounts.account(20)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[0, 20)").hasMessageContaining("20");
        assertThatThrownBy(() -> DevAccounts.account(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
