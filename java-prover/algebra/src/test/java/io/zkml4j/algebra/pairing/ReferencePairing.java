package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fq6;
import java.math.BigInteger;

/**
 * A deliberately plain optimal ate pairing, the oracle for {@link Bn254Pairing}: both points are mapped
 * into {@code E(Fq12)} (Q untwisted by {@code (x, y) ↦ (x·w², y·w³)}), the Miller loop runs over the
 * plain binary digits of {@code 6x + 2} in affine coordinates with full Fq12 arithmetic and one
 * inversion per line, {@code π(Q)} is computed by raising coordinates to the p-th power with a generic
 * {@code pow} (not the Frobenius constants), and the final exponentiation is a single
 * {@code pow((p¹² − 1)/r)}. Shares no code with the optimized path beyond the Fq12 field operations.
 */
final class ReferencePairing {

    private static final BigInteger LOOP = Bn254.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);

    static final BigInteger FINAL_EXPONENT = Bn254.P.pow(12).subtract(BigInteger.ONE).divide(Bn254.R);

    private ReferencePairing() {
    }

    private record Point(Fq12 x, Fq12 y) {
    }

    static Gt pair(PairingInput in) {
        return new Gt(finalExponentiation(millerLoop(in)));
    }

    static Fq12 finalExponentiation(Fq12 f) {
        return f.pow(FINAL_EXPONENT);
    }

    static Fq12 millerLoop(PairingInput in) {
        if (in.isTrivial()) {
            return Fq12.ONE;
        }
        Point p = new Point(embed(Fq2.of(in.px(), Fq.ZERO)), embed(Fq2.of(in.py(), Fq.ZERO)));
        Point q = new Point(Fq12.ofPowersOfW(Fq2.ZERO, Fq2.ZERO, in.qx(), Fq2.ZERO, Fq2.ZERO, Fq2.ZERO),
                Fq12.ofPowersOfW(Fq2.ZERO, Fq2.ZERO, Fq2.ZERO, in.qy(), Fq2.ZERO, Fq2.ZERO));
        Fq12 f = Fq12.ONE;
        Point t = q;
        for (int i = LOOP.bitLength() - 2; i >= 0; i--) {
            f = f.square().mul(line(t, t, p));
            t = add(t, t);
            if (LOOP.testBit(i)) {
                f = f.mul(line(t, q, p));
                t = add(t, q);
            }
        }
        Point q1 = new Point(q.x().pow(Bn254.P), q.y().pow(Bn254.P));
        BigInteger p2 = Bn254.P.pow(2);
        Point q2 = new Point(q.x().pow(p2), q.y().pow(p2).neg());
        f = f.mul(line(t, q1, p));
        t = add(t, q1);
        return f.mul(line(t, q2, p));
    }

    private static Fq12 embed(Fq2 c) {
        return Fq12.of(Fq6.of(c));
    }

    /** The line through a and b (the tangent when equal; the vertical when {@code a = −b}) at p. */
    private static Fq12 line(Point a, Point b, Point p) {
        Fq12 lambda;
        if (a.equals(b)) {
            Fq12 xx = a.x().square();
            lambda = xx.dbl().add(xx).mul(a.y().dbl().inverse());
        } else if (a.x().equals(b.x())) {
            return p.x().sub(a.x());
        } else {
            lambda = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
        }
        return p.y().sub(a.y()).sub(lambda.mul(p.x().sub(a.x())));
    }

    private static Point add(Point a, Point b) {
        Fq12 lambda;
        if (a.equals(b)) {
            Fq12 xx = a.x().square();
            lambda = xx.dbl().add(xx).mul(a.y().dbl().inverse());
        } else {
            lambda = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
        }
        Fq12 x3 = lambda.square().sub(a.x()).sub(b.x());
        return new Point(x3, lambda.mul(a.x().sub(x3)).sub(a.y()));
    }
}
