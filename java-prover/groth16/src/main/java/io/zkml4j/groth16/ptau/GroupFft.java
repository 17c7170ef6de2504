package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.curve.GroupElement;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.poly.Radix2Domain;
import java.util.stream.IntStream;

/**
 * The inverse FFT over a vector of curve points: {@code out_i = n^−1 · Σ_j ω^(−ij) · P_j} with
 * {@code ω} the root of unity of {@link Radix2Domain} (snarkjs's), natural order in and out. Applied
 * to {@code P_j = τ^j·G} it yields the Lagrange basis {@code L_i(τ)·G} of the domain, which is how
 * "prepare phase2" computes the Lagrange sections without knowing τ.
 *
 * <p>Cost: {@code (n/2)·log2 n} butterflies, each a full scalar multiplication by a twiddle (the
 * trivial twiddle 1 is skipped), plus {@code n} multiplications by {@code n^−1}. Butterflies of one
 * stage run in parallel on the common pool from 64 points.
 */
final class GroupFft {

    private static final int PARALLEL_FROM = 64;

    private GroupFft() {
    }

    /** Transforms {@code a} in place; {@code a.length} must be a power of two up to {@code 2^28}. */
    static <G extends GroupElement<G>> void inverse(G[] a) {
        int n = a.length;
        Radix2Domain domain = Radix2Domain.of(n);
        int log = domain.logSize();
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> (32 - log);
            if (log > 0 && j > i) {
                G t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        Fr[] twiddles = new Fr[Math.max(1, n / 2)];
        Fr w = domain.generatorInverse();
        twiddles[0] = Fr.ONE;
        for (int i = 1; i < twiddles.length; i++) {
            twiddles[i] = twiddles[i - 1].mul(w);
        }
        for (int size = 2; size <= n; size <<= 1) {
            int m = size;
            int half = m >>> 1;
            int stride = n / m;
            IntStream butterflies = IntStream.range(0, n / 2);
            if (n >= PARALLEL_FROM) {
                butterflies = butterflies.parallel();
            }
            butterflies.forEach(b -> {
                int block = b / half;
                int k = b % half;
                int top = block * m + k;
                int bottom = top + half;
                G u = a[top];
                G v = k == 0 ? a[bottom] : a[bottom].mul(twiddles[k * stride]);
                a[top] = u.add(v);
                a[bottom] = u.sub(v);
            });
        }
        Fr nInverse = Fr.of(n).inverse();
        IntStream scale = IntStream.range(0, n);
        if (n >= PARALLEL_FROM) {
            scale = scale.parallel();
        }
        scale.forEach(i -> a[i] = a[i].mul(nInverse));
    }
}
