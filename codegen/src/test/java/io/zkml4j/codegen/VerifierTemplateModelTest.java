package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.evm.EvmEncoding;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerifierTemplateModelTest {

    private static final VerifyingKey VK = TestKeys.deterministic(4, 42);

    private static VerifierTemplateModel model(VerifyingKey vk, SolidityExportOptions o) {
        return SolidityVerifierGenerator.model(vk, o);
    }

    @Test
    void storesNegatedG2ConstantsInPrecompileOrder() {
        VerifierTemplateModel m = model(VK, SolidityExportOptions.defaults());
        assertThat(words(m.betaNeg())).isEqualTo(EvmEncoding.g2Words(VK.beta2().neg()));
        assertThat(words(m.gammaNeg())).isEqualTo(EvmEncoding.g2Words(VK.gamma2().neg()));
        assertThat(words(m.deltaNeg())).isEqualTo(EvmEncoding.g2Words(VK.delta2().neg()));
        // imaginary part first: x1 is the c1 coordinate of -beta's x
        assertThat(m.betaNeg().x1()).isEqualTo(VK.beta2().neg().x().c1().toBigInteger().toString());
        // negation only flips y: y + (-y) = q for both coordinates
        assertThat(new BigInteger(m.betaNeg().y0()).add(VK.beta2().y().c0().toBigInteger())).isEqualTo(Fq.MODULUS);
        assertThat(m.betaNeg().x0()).isEqualTo(VK.beta2().x().c0().toBigInteger().toString());
    }

    @Test
    void publicInputsMultiplyIcFromIndexOneWithConsecutiveCalldataWords() {
        VerifierTemplateModel m = model(VK, SolidityExportOptions.defaults());
        assertThat(m.publicInputCount()).isEqualTo(4);
        assertThat(m.ic0().x()).isEqualTo(VK.ic().get(0).x().toBigInteger().toString());
        for (int i = 0; i < 4; i++) {
            VerifierTemplateModel.PublicInput p = m.publicInputs().get(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.point().y()).isEqualTo(VK.ic().get(i + 1).y().toBigInteger().toString());
            assertThat(Integer.decode(p.calldataOffset())).isEqualTo(32 * i);
        }
        assertThat(m.scalarModulus()).isEqualTo(Fr.MODULUS.toString());
    }

    @Test
    void memoryLayoutPacksFourPairsWithoutOverlap() {
        VerifierTemplateModel.MemoryLayout l = VerifierTemplateModel.MemoryLayout.standard();
        List<String> pairingWords = List.of(l.vkX(), l.vkY(), l.gammaNeg().x1(), l.gammaNeg().x0(), l.gammaNeg().y1(),
                l.gammaNeg().y0(), l.proofA(), hex(Integer.decode(l.proofA()) + 32), l.proofB(),
                hex(Integer.decode(l.proofB()) + 32), hex(Integer.decode(l.proofB()) + 64),
                hex(Integer.decode(l.proofB()) + 96), l.proofC(), hex(Integer.decode(l.proofC()) + 32),
                l.deltaNeg().x1(), l.deltaNeg().x0(), l.deltaNeg().y1(), l.deltaNeg().y0(), l.alphaX(), l.alphaY(),
                l.betaNeg().x1(), l.betaNeg().x0(), l.betaNeg().y1(), l.betaNeg().y0());
        for (int i = 0; i < 24; i++) {
            assertThat(Integer.decode(pairingWords.get(i))).as("pairing word %s", i).isEqualTo(32 * i);
        }
        assertThat(Integer.decode(l.pairingInputSize())).isEqualTo(24 * 32);
        // ecMul input (PUB_i, s) sits right after the accumulator: ecAdd reads both at once
        assertThat(Integer.decode(l.mulX())).isEqualTo(Integer.decode(l.vkX()) + 64);
        assertThat(Integer.decode(l.mulScalar())).isEqualTo(Integer.decode(l.mulX()) + 64);
        assertThat(Integer.decode(l.ecAddInputSize())).isEqualTo(128);
        assertThat(Integer.decode(l.ecMulInputSize())).isEqualTo(96);
        // the proof's words follow the selector; A and B are copied in one piece
        assertThat(Integer.decode(l.proofCalldataA())).isEqualTo(4);
        assertThat(Integer.decode(l.proofAbSize())).isEqualTo(Integer.decode(l.proofC()) - Integer.decode(l.proofA()));
        assertThat(Integer.decode(l.proofCalldataC())).isEqualTo(4 + Integer.decode(l.proofAbSize()));
        assertThat(Integer.decode(l.proofCalldataEnd())).isEqualTo(4 + 8 * 32);
    }

    @Test
    void everyTemplateNameHasAValueAndEveryValueIsUsed() throws Exception {
        String template;
        try (var in = SolidityVerifierGenerator.class.getResourceAsStream(SolidityVerifierGenerator.TEMPLATE)) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> used = new HashSet<>();
        Matcher m = Pattern.compile("\\{\\{[#^/]?([A-Z0-9_]+)}}").matcher(template);
        while (m.find()) {
            used.add(m.group(1));
        }
        Map<String, Object> context = model(VK, SolidityExportOptions.defaults()).toContext();
        Set<String> provided = new HashSet<>(context.keySet());
        provided.addAll(Set.of("INDEX", "X", "Y", "CALLDATA_OFFSET")); // names inside PUBS
        assertThat(used).containsExactlyInAnyOrderElementsOf(provided);
    }

    @Test
    void vkHashIsKeccakOfTheEvmWords() {
        VerifierTemplateModel m = model(VK, SolidityExportOptions.defaults());
        assertThat(m.vkHash()).matches("0x[0-9a-f]{64}").isEqualTo(VerifierTemplateModel.vkHash(VK));
        assertThat(VerifierTemplateModel.vkHash(TestKeys.deterministic(4, 43))).isNotEqualTo(m.vkHash());
    }

    @Test
    void refusesGammaEqualDeltaUnlessAllowed() {
        VerifyingKey weak = VerifyingKey.of(VK.alpha1(), VK.beta2(), G2Affine.GENERATOR, G2Affine.GENERATOR, VK.ic());
        assertThatThrownBy(() -> SolidityVerifierGenerator.generate(weak))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("gamma = delta")
                .hasMessageContaining("allowGammaEqualsDelta(true)");
        String sol = SolidityVerifierGenerator.generate(weak,
                SolidityExportOptions.builder().allowGammaEqualsDelta(true).build());
        assertThat(sol).contains("contract Groth16Verifier is IZkmlVerifier");
    }

    @Test
    void refusesKeyPointsAtInfinity() {
        VerifyingKey bad = VerifyingKey.of(G1Affine.INFINITY, VK.beta2(), VK.gamma2(), VK.delta2(), VK.ic());
        assertThatThrownBy(() -> SolidityVerifierGenerator.generate(bad))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("alpha is the point at infinity");
    }

    @Test
    void aKeyWithoutPublicInputsHasOnlyTheStableEntryPoint() {
        String sol = SolidityVerifierGenerator.generate(TestKeys.deterministic(0, 7));
        assertThat(sol).contains("PUBLIC_INPUT_COUNT = 0;")
                .contains("function verifyProof(uint256[8] calldata proof, uint256[] calldata input)")
                .doesNotContain("uint256[2][2]")
                .doesNotContain("PUB_0")
                .doesNotContain("{{");
    }

    @Test
    void optionsShapeTheHeaderAndDeclarations() {
        String sol = SolidityVerifierGenerator.generate(VK, SolidityExportOptions.builder()
                .contractName("MyVerifier").pragma("0.8.28").spdxLicense("UNLICENSED").implementsInterface(false).build());
        assertThat(sol).startsWith("// SPDX-License-Identifier: UNLICENSED\n// Code generated by zkml4j-codegen "
                        + SolidityVerifierGenerator.version() + ". DO NOT EDIT.\n")
                .contains("// Public inputs: 4.\n")
                .contains("pragma solidity 0.8.28;")
                .contains("contract MyVerifier {")
                .contains("error PublicInputNotInField();")
                .doesNotContain("import ")
                .doesNotContain("@inheritdoc");
        assertThatThrownBy(() -> SolidityExportOptions.builder().contractName("1bad"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolidityExportOptions.builder().pragma("0.8.20; contract X {}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolidityExportOptions.builder().spdxLicense("MIT\nevil"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolidityExportOptions.builder().interfaceImport("x\";.sol"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BigInteger> words(VerifierTemplateModel.G2Words w) {
        return List.of(new BigInteger(w.x1()), new BigInteger(w.x0()), new BigInteger(w.y1()), new BigInteger(w.y0()));
    }

    private static String hex(int v) {
        return String.format("0x%03x", v);
    }
}
