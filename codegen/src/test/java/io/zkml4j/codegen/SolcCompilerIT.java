package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolcCompilerIT {

    @TempDir
    Path dir;

    @Test
    void compilesTheInterfaceToAnAbiWithoutBytecode() {
        SolcCompiler solc = SolcCompiler.locate();
        Path iface = solc.repositoryRoot().resolve("contracts/interfaces/IZkmlVerifier.sol");

        CompiledContract c = solc.compile(iface, "IZkmlVerifier");

        assertThat(c.sourceName()).isEqualTo("contracts/interfaces/IZkmlVerifier.sol");
        assertThat(c.compiler()).startsWith("0.8.28+");
        assertThat(c.bytecode()).isEmpty();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.abiJson())
                .contains("\"name\":\"verifyProof\"")
                .contains("\"type\":\"uint256[8]\"")
                .contains("\"name\":\"PublicInputNotInField\"")
                .contains("\"name\":\"InvalidPublicInputCount\"");
    }

    @Test
    void resolvesRepositoryImportsAndReportsWarningsPerContract() throws IOException {
        Path src = write("Uses.sol", """
                // SPDX-License-Identifier: MIT
                pragma solidity ^0.8.20;
                import "contracts/interfaces/IZkmlVerifier.sol";
                contract Uses {
                    function count(IZkmlVerifier v) external pure returns (uint256) {
                        uint256 unused;
                        return address(v) == address(0) ? 0 : 1;
                    }
                }
                """);

        List<CompiledContract> all = SolcCompiler.locate().compile(List.of(src));

        assertThat(all).extracting(CompiledContract::contractName).containsExactly("Uses");
        CompiledContract uses = all.get(0);
        assertThat(uses.bytecode()).matches("[0-9a-f]+");
        assertThat(uses.deployedSize()).isPositive().isLessThan(uses.bytecodeBytes().length);
        assertThat(uses.warnings()).singleElement().asString().contains("Unused local variable");
    }

    @Test
    void failsWithSolcsMessageOnAnError() throws IOException {
        Path src = write("Broken.sol", """
                // SPDX-License-Identifier: MIT
                pragma solidity ^0.8.20;
                contract Broken { function f() external { undefinedThing(); } }
                """);

        assertThatThrownBy(() -> SolcCompiler.locate().compile(List.of(src)))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("Solidity compilation failed")
                .hasMessageContaining("Undeclared identifier")
                .hasMessageContaining("Broken.sol");
    }

    @Test
    void failsClearlyOnAMissingImport() throws IOException {
        Path src = write("Missing.sol", """
                // SPDX-License-Identifier: MIT
                pragma solidity ^0.8.20;
                import "contracts/nowhere/Nope.sol";
                contract Missing {}
                """);

        assertThatThrownBy(() -> SolcCompiler.locate().compile(List.of(src)))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("contracts/nowhere/Nope.sol");
    }

    @Test
    void failsWhenTheContractIsNotInTheFile() throws IOException {
        Path src = write("One.sol", """
                // SPDX-License-Identifier: MIT
                pragma solidity ^0.8.20;
                contract One {}
                """);

        assertThatThrownBy(() -> SolcCompiler.locate().compile(src, "Two"))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("defines no contract named Two")
                .hasMessageContaining("[One]");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
