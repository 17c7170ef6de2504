package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbiErrorsTest {

    private static final String ABI = """
            [{"type":"error","name":"InvalidPublicInputCount","inputs":[]},
             {"type":"error","name":"ProofAlreadyUsed","inputs":[{"name":"id","type":"bytes32"}]},
             {"type":"error","name":"Weird","inputs":[{"name":"t","type":"tuple[]","components":[
                 {"name":"a","type":"uint256"},{"name":"b","type":"tuple","components":[{"name":"c","type":"address"}]}]}]},
             {"type":"function","name":"verifyProof","inputs":[],"outputs":[],"stateMutability":"view"}]
            """;

    @Test
    void selectorsAreTheFirstFourBytesOfKeccak() {
        // Well-known selectors: ERC-20 transfer, Solidity's Error(string) and Panic(uint256).
        assertThat(AbiErrors.selector("transfer(address,uint256)")).isEqualTo("0xa9059cbb");
        assertThat(AbiErrors.selector("Error(string)")).isEqualTo(AbiErrors.ERROR_STRING_SELECTOR);
        assertThat(AbiErrors.selector("Panic(uint256)")).isEqualTo(AbiErrors.PANIC_SELECTOR);
    }

    @Test
    void mapsOnlyErrorsWithCanonicalTupleTypes() {
        AbiErrors errors = AbiErrors.of(ABI);

        assertThat(errors.signatures()).containsOnlyKeys(
                AbiErrors.selector("InvalidPublicInputCount()"),
                AbiErrors.selector("ProofAlreadyUsed(bytes32)"),
                AbiErrors.selector("Weird((uint256,(address))[])"));
    }

    @Test
    void decodesCustomErrorsWithTheirWords() {
        AbiErrors errors = AbiErrors.of(ABI);
        String id = "ab".repeat(32);

        AbiErrors.Decoded decoded = errors.decode(AbiErrors.selector("ProofAlreadyUsed(bytes32)") + id);

        assertThat(decoded.name()).isEqualTo("ProofAlreadyUsed");
        assertThat(decoded.words()).containsExactly("0x" + id);
        assertThat(decoded.describe()).isEqualTo("ProofAlreadyUsed(bytes32) [0x" + id + "]");
        assertThat(errors.decode(AbiErrors.selector("InvalidPublicInputCount()")).describe())
                .isEqualTo("InvalidPublicInputCount()");
    }

    @Test
    void decodesRequireMessagesAndPanics() {
        AbiErrors errors = AbiErrors.of("[]");
        // abi.encodeWithSignature("Error(string)", "no")
        String data = AbiErrors.ERROR_STRING_SELECTOR
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000002"
                + "6e6f000000000000000000000000000000000000000000000000000000000000";
        assertThat(errors.decode(data).name()).isEqualTo("Error");
        assertThat(errors.decode(data).describe()).isEqualTo("Error(string) \"no\"");

        String panic = AbiErrors.PANIC_SELECTOR + "0000000000000000000000000000000000000000000000000000000000000011";
        assertThat(errors.decode(panic).describe()).isEqualTo("Panic(uint256) \"code 0x11\"");
    }

    @Test
    void reportsUnknownAndEmptyRevertData() {
        AbiErrors errors = AbiErrors.of(ABI);

        assertThat(errors.decode("0x12345678").name()).isNull();
        assertThat(errors.decode("0x12345678").describe()).contains("unknown error 0x12345678");
        assertThat(errors.decode(null).describe()).isEqualTo("no revert data");
        assertThat(errors.decode("0x").describe()).isEqualTo("no revert data");
    }

    @Test
    void rejectsNonArrays() {
        assertThatThrownBy(() -> AbiErrors.of("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AbiErrors.of("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
