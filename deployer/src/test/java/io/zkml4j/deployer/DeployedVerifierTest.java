package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.codegen.CompiledContract;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeployedVerifierTest {

    private static String word(long v) {
        return String.format("%064x", v);
    }

    @Test
    void calldataIsSelectorProofWordsOffsetLengthAndInputs() {
        List<BigInteger> proof = IntStream.rangeClosed(1, 8).mapToObj(BigInteger::valueOf).toList();
        List<BigInteger> inputs = List.of(BigInteger.valueOf(0xaa), BigInteger.valueOf(0xbb));

        String calldata = DeployedVerifier.calldata(proof, inputs);

        StringBuilder expected = new StringBuilder(AbiErrors.selector("verifyProof(uint256[8],uint256[])"));
        for (int i = 1; i <= 8; i++) {
            expected.append(word(i));
        }
        expected.append(word(9 * 32)).append(word(2)).append(word(0xaa)).append(word(0xbb));
        assertThat(calldata).isEqualTo(expected.toString());
    }

    @Test
    void rejectsMalformedWords() {
        List<BigInteger> seven = IntStream.rangeClosed(1, 7).mapToObj(BigInteger::valueOf).toList();
        assertThatThrownBy(() -> DeployedVerifier.calldata(seven, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected 8 proof words but got 7");
        List<BigInteger> proof = IntStream.rangeClosed(1, 8).mapToObj(BigInteger::valueOf).toList();
        assertThatThrownBy(() -> DeployedVerifier.calldata(proof, List.of(BigInteger.ONE.shiftLeft(256))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uint256");
    }

    @Test
    void requiresTheStableAbi() {
        String good = "[{\"type\":\"function\",\"name\":\"verifyProof\",\"inputs\":[{\"name\":\"proof\",\"type\":\"uint256[8]\"},"
                + "{\"name\":\"input\",\"type\":\"uint256[]\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\"}]";
        String snarkjsOnly = "[{\"type\":\"function\",\"name\":\"verifyProof\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint256[2]\"},"
                + "{\"name\":\"b\",\"type\":\"uint256[2][2]\"},{\"name\":\"c\",\"type\":\"uint256[2]\"},"
                + "{\"name\":\"i\",\"type\":\"uint256[1]\"}],\"outputs\":[],\"stateMutability\":\"view\"}]";

        DeployedVerifier.requireVerifierAbi(contract("Ok", good));
        assertThatThrownBy(() -> DeployedVerifier.requireVerifierAbi(contract("Groth16Verifier", snarkjsOnly)))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("Groth16Verifier has no verifyProof(uint256[8],uint256[])");
    }

    private static CompiledContract contract(String name, String abi) {
        return new CompiledContract(name, "x.sol", "0.8.28", abi, "6080", "6080", List.of());
    }
}
