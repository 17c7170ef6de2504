package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Field;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import java.math.BigInteger;

/**
 * Test-only short-Weierstrass arithmetic {@code y² = x³ + b} in affine coordinates over any of our
 * fields: just enough (add, double, double-and-add scalar multiplication, on-curve check) to make
 * multiples of the G1/G2 generators for pairing tests. Slow (one inversion per step) and readable on
 * purpose; the production point types live in {@code io.zkml4j.algebra.curve}.
 *
 * @param <F> the coordinate field
 */
record AffineCurve<F extends Field<F>>(F b, F zero) {

    /** G1: {@code y² = x³ + 3} over Fq. */
    static final AffineCurve<Fq> G1 = new AffineCurve<>(Fq.of(3), Fq.ZERO);

    /** G2's twist: {@code y² = x³ + 3/(9 + u)} over Fq2. */
    static final AffineCurve<Fq2> G2 = new AffineCurve<>(Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.NON_RESIDUE.inverse()),
            Fq2.ZERO);

    static final Point<Fq> G1_GENERATOR = new Point<>(Fq.of(1), Fq.of(2), false);

    static final Point<Fq2> G2_GENERATOR = new Point<>(
            Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
            false);

    /** An affine point, or the point at infinity when {@code infinity} (coordinates then ignored). */
    record Point<F extends Field<F>>(F x, F y, boolean infinity) {
        Point<F> negate() {
            return infinity ? this : new Point<>(x, y.neg(), false);
        }
    }

    Point<F> infinity() {
        return new Point<>(zero, zero, true);
    }

    boolean isOnCurve(Point<F> p) {
        return p.infinity() || p.y().square().equals(p.x().square().mul(p.x()).add(b));
    }

    Point<F> add(Point<F> p, Point<F> q) {
        if (p.infinity()) {
            return q;
        }
        if (q.infinity()) {
            return p;
        }
        if (p.x().equals(q.x())) {
            return p.y().equals(q.y()) && !p.y().isZero() ? dbl(p) : infinity();
        }
        F lambda = q.y().sub(p.y()).mul(q.x().sub(p.x()).inverse());
        F x3 = lambda.square().sub(p.x()).sub(q.x());
        return new Point<>(x3, lambda.mul(p.x().sub(x3)).sub(p.y()), false);
    }

    Point<F> dbl(Point<F> p) {
        if (p.infinity() || p.y().isZero()) {
            return infinity();
        }
        F xx = p.x().square();
        F lambda = xx.dbl().add(xx).mul(p.y().dbl().inverse());
        F x3 = lambda.square().sub(p.x().dbl());
        return new Point<>(x3, lambda.mul(p.x().sub(x3)).sub(p.y()), false);
    }

    /** {@code k·p} for any integer k (negative multiplies the negation). */
    Point<F> mul(Point<F> p, BigInteger k) {
        BigInteger e = k.abs();
        Point<F> acc = infinity();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = dbl(acc);
            if (e.testBit(i)) {
                acc = add(acc, p);
            }
        }
        return k.signum() < 0 ? acc.negate() : acc;
    }

    /** The pairing argument for {@code (P, Q)}, with infinity written {@code (0, 0)} as in EIP-197. */
    static PairingInput input(Point<Fq> p, Point<Fq2> q) {
        return PairingInput.of(p.infinity() ? Fq.ZERO : p.x(), p.infinity() ? Fq.ZERO : p.y(),
                q.infinity() ? Fq2.ZERO : q.x(), q.infinity() ? Fq2.ZERO : q.y());
    }

    /** The order of G1 and G2, for tests that need it next to the curves. */
    static final BigInteger R = Bn254.R;
}
