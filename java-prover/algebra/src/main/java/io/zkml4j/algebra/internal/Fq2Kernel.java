package io.zkml4j.algebra.internal;

/**
 * Allocation-free arithmetic in {@code Fq2 = Fq[u]/(u² + 1)} on flat {@code long[]} slots of 8 limbs:
 * {@code c0} (4 Montgomery limbs) then {@code c1}. Output slots may alias inputs.
 *
 * <p>An instance owns scratch space, so it is <b>not thread-safe</b>: give each thread its own (they are
 * cheap). The base-field kernel is passed in so the JIT sees it as a constant when the caller holds it
 * in a {@code static final} field.
 */
public final class Fq2Kernel {

    /** Limbs of one Fq2 element. */
    public static final int LIMBS = 8;

    private final MontgomeryKernel fq;
    private final long[] t = new long[16];

    /** A kernel over the given base-field kernel (for BN254: {@code Fq.KERNEL}). */
    public Fq2Kernel(MontgomeryKernel fq) {
        this.fq = fq;
    }

    /** {@code r = a·b} (Karatsuba, three base multiplications). */
    public void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        fq.add(t, 0, a, ao, a, ao + 4);
        fq.add(t, 4, b, bo, b, bo + 4);
        fq.mul(t, 8, a, ao, b, bo);
        fq.mul(t, 12, a, ao + 4, b, bo + 4);
        fq.mul(t, 0, t, 0, t, 4);
        fq.sub(t, 0, t, 0, t, 8);
        fq.sub(r, ro + 4, t, 0, t, 12);
        fq.sub(r, ro, t, 8, t, 12);
    }

    /** {@code r = a²} (complex squaring, two base multiplications). */
    public void square(long[] r, int ro, long[] a, int ao) {
        fq.add(t, 0, a, ao, a, ao + 4);
        fq.sub(t, 4, a, ao, a, ao + 4);
        fq.mul(t, 8, a, ao, a, ao + 4);
        fq.mul(r, ro, t, 0, t, 4);
        fq.dbl(r, ro + 4, t, 8);
    }

    /** {@code r = a + b}. */
    public void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        fq.add(r, ro, a, ao, b, bo);
        fq.add(r, ro + 4, a, ao + 4, b, bo + 4);
    }

    /** {@code r = a − b}. */
    public void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        fq.sub(r, ro, a, ao, b, bo);
        fq.sub(r, ro + 4, a, ao + 4, b, bo + 4);
    }

    /** {@code r = 2a}. */
    public void dbl(long[] r, int ro, long[] a, int ao) {
        fq.dbl(r, ro, a, ao);
        fq.dbl(r, ro + 4, a, ao + 4);
    }

    /** {@code r = −a}. */
    public void neg(long[] r, int ro, long[] a, int ao) {
        fq.neg(r, ro, a, ao);
        fq.neg(r, ro + 4, a, ao + 4);
    }

    /** {@code r = a·k} for {@code k} in the base field (4 limbs at {@code ko}). */
    public void mulByFq(long[] r, int ro, long[] a, int ao, long[] k, int ko) {
        fq.mul(r, ro, a, ao, k, ko);
        fq.mul(r, ro + 4, a, ao + 4, k, ko);
    }

    /** {@code r = a0² + a1²} (4 limbs, in the base field): the norm, non-zero for {@code a ≠ 0}. */
    public void norm(long[] r, int ro, long[] a, int ao) {
        fq.square(t, 0, a, ao);
        fq.square(t, 4, a, ao + 4);
        fq.add(r, ro, t, 0, t, 4);
    }

    /** {@code r = a^-1} = conj(a) / norm(a); the inverse of zero is zero (callers that must reject zero check first). */
    public void inverse(long[] r, int ro, long[] a, int ao) {
        norm(t, 0, a, ao);
        fq.inverse(t, 0, t, 0);
        fq.mul(r, ro, a, ao, t, 0);
        fq.mul(t, 4, a, ao + 4, t, 0);
        fq.neg(r, ro + 4, t, 4);
    }

    /** Writes 1. */
    public void setOne(long[] r, int ro) {
        fq.setOne(r, ro);
        r[ro + 4] = 0; r[ro + 5] = 0; r[ro + 6] = 0; r[ro + 7] = 0;
    }

    /** True when the element is zero. */
    public static boolean isZero(long[] a, int ao) {
        return MontgomeryKernel.isZero(a, ao) && MontgomeryKernel.isZero(a, ao + 4);
    }

    /** True when both elements are equal. */
    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return MontgomeryKernel.equal(a, ao, b, bo) && MontgomeryKernel.equal(a, ao + 4, b, bo + 4);
    }
}
