package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class G2JacobianTest implements GroupContract<G2Jacobian> {

    @Override public G2Jacobian infinity() { return G2Jacobian.INFINITY; }
    @Override public G2Jacobian generator() { return G2Jacobian.GENERATOR; }
    @Override public byte[] encode(G2Jacobian p) { return p.toAffine().toEvmBytes(); }
    @Override public G2Jacobian decode(byte[] b) { return G2Affine.fromEvmBytes(b).toJacobian(); }
    @Override public int samples() { return 4; }

    @Override
    public List<byte[]> invalidEncodings() {
        return List.of(G2AffineTest.randomTwistPoint(Seeds.rng("g2j-bad")).toEvmBytes());
    }

    /** Textbook affine arithmetic over Fq2 with inversions: the oracle for the Jacobian formulas. */
    static G2Affine referenceAdd(G2Affine p, G2Affine q) {
        if (p.isInfinity()) return q;
        if (q.isInfinity()) return p;
        Fq2 lambda;
        if (p.x().equals(q.x())) {
            if (!p.y().equals(q.y())) return G2Affine.INFINITY;
            Fq2 x2 = p.x().square();
            lambda = x2.add(x2).add(x2).mul(p.y().dbl().inverse());
        } else {
            lambda = q.y().sub(p.y()).mul(q.x().sub(p.x()).inverse());
        }
        Fq2 x = lambda.square().sub(p.x()).sub(q.x());
        Fq2 y = lambda.mul(p.x().sub(x)).sub(p.y());
        return G2Affine.ofOnCurve(x, y);
    }

    @Test
    void jacobianFormulasAgreeWithAffineReference() {
        SplittableRandom rng = Seeds.rng("g2-jac-vs-affine");
        G2Affine p = G2Affine.GENERATOR.mul(Fr.random(rng));
        // Also on twist points outside G2: the formulas do not depend on the subgroup.
        G2Affine outside = G2AffineTest.randomTwistPoint(rng);
        for (int i = 0; i < 20; i++) {
            G2Affine q = i % 5 == 4 ? outside : G2Affine.GENERATOR.mul(Fr.random(rng));
            G2Jacobian pj = p.toJacobian().dbl().add(p.neg());
            G2Jacobian qj = q.toJacobian().add(G2Affine.GENERATOR).add(G2Affine.GENERATOR.neg());
            assertThat(pj.toAffine()).isEqualTo(p);
            assertThat(qj.toAffine()).isEqualTo(q);
            G2Affine sum = referenceAdd(p, q);
            assertThat(pj.add(qj).toAffine()).isEqualTo(sum);
            assertThat(pj.add(q).toAffine()).isEqualTo(sum);
            assertThat(pj.dbl().toAffine()).isEqualTo(referenceAdd(p, p));
            assertThat(pj.add(p).toAffine()).isEqualTo(referenceAdd(p, p));
            assertThat(pj.add(pj).toAffine()).isEqualTo(referenceAdd(p, p));
            assertThat(pj.add(p.neg()).isInfinity()).isTrue();
            p = i % 5 == 4 ? G2Affine.GENERATOR.mul(Fr.random(rng)) : sum;
        }
    }

    @Test
    void equalityIgnoresTheRepresentativeAndFactoriesCheckMembership() {
        G2Affine p = G2Affine.GENERATOR.mul(BigInteger.valueOf(77));
        Fq2 z = Fq2.of(BigInteger.valueOf(12345), BigInteger.valueOf(678));
        G2Jacobian scaled = G2Jacobian.of(p.x().mul(z.square()), p.y().mul(z.square().mul(z)), z);
        assertThat(scaled).isEqualTo(p.toJacobian()).hasSameHashCodeAs(p.toJacobian());
        assertThat(scaled.isInSubgroup()).isTrue();
        G2Affine outside = G2AffineTest.randomTwistPoint(Seeds.rng("g2j-of"));
        assertThatThrownBy(() -> G2Jacobian.of(outside.x(), outside.y(), Fq2.ONE))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("subgroup");
        assertThatThrownBy(() -> G2Jacobian.of(p.x(), p.x(), Fq2.ONE))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not on the BN254 G2 twist");
    }

    @Test
    void batchConversionMatchesSingleConversionIncludingInfinity() {
        SplittableRandom rng = Seeds.rng("g2-batch-affine");
        G2Jacobian[] pts = new G2Jacobian[7];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = i % 3 == 1 ? G2Jacobian.INFINITY : G2Jacobian.GENERATOR.mul(Fr.random(rng)).dbl();
        }
        G2Affine[] affine = G2Jacobian.toAffine(pts);
        for (int i = 0; i < pts.length; i++) {
            assertThat(affine[i]).isEqualTo(pts[i].toAffine());
        }
    }
}
