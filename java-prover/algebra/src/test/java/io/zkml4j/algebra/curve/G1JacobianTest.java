package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class G1JacobianTest implements GroupContract<G1Jacobian> {

    @Override public G1Jacobian infinity() { return G1Jacobian.INFINITY; }
    @Override public G1Jacobian generator() { return G1Jacobian.GENERATOR; }
    @Override public byte[] encode(G1Jacobian p) { return p.toAffine().toEvmBytes(); }
    @Override public G1Jacobian decode(byte[] b) { return G1Affine.fromEvmBytes(b).toJacobian(); }

    @Override
    public List<byte[]> invalidEncodings() {
        return List.of(G1AffineTest.evm(BigInteger.TWO, BigInteger.TWO));
    }

    /** Textbook affine arithmetic with field inversions: the oracle for the Jacobian formulas. */
    static G1Affine referenceAdd(G1Affine p, G1Affine q) {
        if (p.isInfinity()) return q;
        if (q.isInfinity()) return p;
        Fq lambda;
        if (p.x().equals(q.x())) {
            if (!p.y().equals(q.y())) return G1Affine.INFINITY;
            lambda = p.x().square().mul(Fq.of(3)).mul(p.y().dbl().inverse());
        } else {
            lambda = q.y().sub(p.y()).mul(q.x().sub(p.x()).inverse());
        }
        Fq x = lambda.square().sub(p.x()).sub(q.x());
        Fq y = lambda.mul(p.x().sub(x)).sub(p.y());
        return G1Affine.of(x, y);
    }

    static G1Affine referenceMul(G1Affine p, BigInteger k) {
        G1Affine acc = G1Affine.INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = referenceAdd(acc, acc);
            if (k.testBit(i)) acc = referenceAdd(acc, p);
        }
        return acc;
    }

    @Test
    void jacobianFormulasAgreeWithAffineReference() {
        SplittableRandom rng = Seeds.rng("g1-jac-vs-affine");
        G1Affine p = referenceMul(G1Affine.GENERATOR, BigInteger.valueOf(rng.nextLong() >>> 1));
        for (int i = 0; i < 40; i++) {
            G1Affine q = referenceMul(G1Affine.GENERATOR, new BigInteger(253, new java.util.Random(rng.nextLong())));
            // Jacobian inputs with Z ≠ 1: reach them through a few operations.
            G1Jacobian pj = p.toJacobian().dbl().add(p.neg());        // = p, Z ≠ 1
            G1Jacobian qj = q.toJacobian().add(G1Affine.GENERATOR).add(G1Affine.GENERATOR.neg());
            assertThat(pj.toAffine()).isEqualTo(p);
            assertThat(qj.toAffine()).isEqualTo(q);
            G1Affine sum = referenceAdd(p, q);
            assertThat(pj.add(qj).toAffine()).isEqualTo(sum);          // add-2007-bl
            assertThat(pj.add(q).toAffine()).isEqualTo(sum);           // madd-2007-bl
            assertThat(pj.dbl().toAffine()).isEqualTo(referenceAdd(p, p)); // dbl-2009-l
            assertThat(pj.add(p).toAffine()).isEqualTo(referenceAdd(p, p)); // mixed, equal inputs
            assertThat(pj.add(pj).toAffine()).isEqualTo(referenceAdd(p, p)); // full, equal inputs
            assertThat(pj.add(p.neg()).isInfinity()).isTrue();
            assertThat(pj.add(pj.neg()).isInfinity()).isTrue();
            p = sum;
        }
    }

    @Test
    void scalarMultiplicationAgreesWithAffineReference() {
        SplittableRandom rng = Seeds.rng("g1-mul-vs-affine");
        for (int i = 0; i < 5; i++) {
            Fr k = Fr.random(rng);
            G1Affine expected = referenceMul(G1Affine.GENERATOR, k.toBigInteger());
            assertThat(G1Jacobian.GENERATOR.mul(k).toAffine()).isEqualTo(expected);
            assertThat(G1Affine.GENERATOR.mul(k)).isEqualTo(expected);
        }
    }

    @Test
    void equalityIgnoresTheRepresentative() {
        G1Affine p = G1Affine.GENERATOR.mul(BigInteger.valueOf(77));
        Fq z = Fq.of(123456789);
        G1Jacobian scaled = G1Jacobian.of(p.x().mul(z.square()), p.y().mul(z.square().mul(z)), z);
        assertThat(scaled).isEqualTo(p.toJacobian()).hasSameHashCodeAs(p.toJacobian());
        assertThat(scaled.toAffine()).isEqualTo(p);
        assertThat(G1Jacobian.of(Fq.of(5), Fq.of(7), Fq.ZERO)).isEqualTo(G1Jacobian.INFINITY);
    }

    @Test
    void offCurveJacobianPointsAreRejected() {
        assertThatThrownBy(() -> G1Jacobian.of(Fq.ONE, Fq.of(3), Fq.ONE))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("Y² = X³ + 3Z⁶");
    }

    @Test
    void batchConversionMatchesSingleConversionIncludingInfinity() {
        SplittableRandom rng = Seeds.rng("g1-batch-affine");
        G1Jacobian[] pts = new G1Jacobian[9];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = i % 4 == 2 ? G1Jacobian.INFINITY : G1Jacobian.GENERATOR.mul(Fr.random(rng)).dbl();
        }
        G1Affine[] affine = G1Jacobian.toAffine(pts);
        for (int i = 0; i < pts.length; i++) {
            assertThat(affine[i]).isEqualTo(pts[i].toAffine());
        }
    }
}
