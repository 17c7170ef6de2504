package io.zkml4j.groth16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.Constraint;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProvingKeyTest {

    private static final ProvingKey PK = ZkeyFile.read(Fixtures.multiplier("multiplier.zkey"));

    @Test
    void coefficientsAreTheR1csMatricesPlusThePublicInputRows() {
        R1cs r1cs = R1csFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"));
        QapCoefficients q = PK.coefficients();
        Map<String, Fr> entries = new HashMap<>();
        for (int i = 0; i < q.size(); i++) {
            entries.merge(q.matrix(i) + "/" + q.constraint(i) + "/" + q.signal(i), q.value(i), Fr::add);
        }
        Map<String, Fr> expected = new HashMap<>();
        for (int j = 0; j < r1cs.numConstraints(); j++) {
            Constraint c = r1cs.constraint(j);
            put(expected, 0, j, c.a());
            put(expected, 1, j, c.b());
        }
        for (int i = 0; i <= r1cs.numPublic(); i++) {
            expected.put("0/" + (r1cs.numConstraints() + i) + "/" + i, Fr.ONE);
        }
        assertThat(entries).isEqualTo(expected);
    }

    private static void put(Map<String, Fr> m, int matrix, int row, LinearCombination lc) {
        for (int t = 0; t < lc.size(); t++) {
            m.put(matrix + "/" + row + "/" + lc.wire(t), lc.coefficient(t));
        }
    }

    @Test
    void coefficientBuilderStoresValueTimesRSquared() {
        SplittableRandom rng = new SplittableRandom(5);
        Fr v = Fr.random(rng);
        QapCoefficients q = QapCoefficients.builder().add(QapCoefficients.B, 3, 2, v).build();
        assertThat(q.value(0)).isEqualTo(v);
        long[] raw = new long[4];
        q.writeRaw(0, raw, 0);
        java.math.BigInteger rr = java.math.BigInteger.ONE.shiftLeft(512).mod(Fr.MODULUS);
        assertThat(io.zkml4j.algebra.internal.MontgomeryKernel.fromLimbs(raw, 0))
                .isEqualTo(v.toBigInteger().multiply(rr).mod(Fr.MODULUS));
    }

    @Test
    void toBuilderSharesAndBuildChecksShapes() {
        ProvingKey same = PK.toBuilder().build();
        assertThat(same.pointsH()).isEqualTo(PK.pointsH());
        assertThat(same.verifyingKey()).isEqualTo(PK.verifyingKey());
        assertThatThrownBy(() -> PK.toBuilder().pointsC(new long[8]).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C points");
        assertThatThrownBy(() -> PK.toBuilder().domainSize(6).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power-of-two");
        assertThatThrownBy(() -> PK.toBuilder().ic(java.util.List.of(G1Affine.GENERATOR)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IC points");
        assertThat(PK.isStreamed()).isFalse();
        assertThat(PK.memoryBytes()).isEqualTo(320L * 8 - 64L * 4 + 64L * 8 + 44L * PK.coefficients().size()
                + PK.contributionsLength());
    }
}
