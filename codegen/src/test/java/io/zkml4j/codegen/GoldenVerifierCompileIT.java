package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Step 2 of 3 for generated code: the golden verifiers compile with the pinned solc (0.8.28,
 * cancun, optimizer 200) without a single warning, and stay far below the EIP-170 size limit.
 */
@Tag("solc")
class GoldenVerifierCompileIT {

    /** Warnings we accept from solc on generated verifiers: none. */
    private static final List<String> ALLOWED_WARNINGS = List.of();

    @Test
    void goldenVerifiersCompileWithoutWarnings() {
        for (int n : GoldenVerifierTest.INPUT_COUNTS) {
            CompiledContract c = SolcCompiler.locate().compile(
                    GoldenVerifierTest.solFile(n).toAbsolutePath(),
                    GoldenVerifierTest.options(n).contractName());

            assertThat(c.warnings()).as("solc warnings for %s inputs", n).isSubsetOf(ALLOWED_WARNINGS);
            assertThat(c.deployedSize()).as("runtime size for %s inputs", n).isPositive().isLessThan(24_576 / 4);
            assertThat(c.abiJson())
                    .contains("\"type\":\"uint256[8]\"")
                    .contains("\"type\":\"uint256[2][2]\"")
                    .contains("\"type\":\"uint256[" + n + "]\"")
                    .contains("\"name\":\"PublicInputNotInField\"")
                    .contains("\"name\":\"InvalidPublicInputCount\"");
        }
    }

    @Test
    void aVerifierWithoutPublicInputsCompilesWithoutWarnings() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("zkml4j-codegen-");
        java.nio.file.Path sol = dir.resolve("NoInputs.sol");
        java.nio.file.Files.writeString(sol, SolidityVerifierGenerator.generate(TestKeys.deterministic(0, 1)));
        CompiledContract c = SolcCompiler.locate().compile(sol, "Groth16Verifier");
        assertThat(c.warnings()).isEmpty();
        assertThat(c.abiJson()).doesNotContain("uint256[2][2]");
    }

    @Test
    void runtimeBytecodeStaysFarBelowTheContractSizeLimit() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("zkml4j-codegen-sizes-");
        StringBuilder report = new StringBuilder("Runtime bytecode of generated verifiers (solc 0.8.28, runs 200):\n");
        for (int n : new int[] {1, 4, 16, 64}) {
            java.nio.file.Path sol = dir.resolve("V" + n + ".sol");
            java.nio.file.Files.writeString(sol, SolidityVerifierGenerator.generate(TestKeys.deterministic(n, n)));
            CompiledContract c = SolcCompiler.locate().compile(sol, "Groth16Verifier");
            assertThat(c.warnings()).isEmpty();
            report.append(String.format(java.util.Locale.ROOT, "  %2d public inputs: %,6d bytes%n", n, c.deployedSize()));
            assertThat(c.deployedSize()).as("runtime size for %s inputs", n).isLessThan(24_576 / 2);
        }
        System.out.println(report);
    }
}
