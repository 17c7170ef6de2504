package io.zkml4j.groth16;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.algebra.curve.MsmScalars;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.algebra.pairing.Bn254Pairing;
import io.zkml4j.algebra.pairing.PairingInput;
import io.zkml4j.algebra.poly.Radix2Domain;
import io.zkml4j.r1cs.CheckResult;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.Witness;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Groth16 proving and verification over BN254 (Groth, "On the Size of Pairing-based Non-interactive
 * Arguments", EUROCRYPT 2016, eprint 2016/260, §3.2), compatible with snarkjs/rapidsnark: proofs made
 * here from a snarkjs zkey verify with {@code snarkjs groth16 verify}, and the other way round.
 *
 * <h2>Prover (snarkjs's QAP convention)</h2>
 * With {@code n = domainSize} and the witness {@code w}:
 * <ol>
 *   <li>QAP: {@code A_j = Σ coef·w[signal]} over the zkey's A entries of constraint {@code j}, likewise
 *       {@code B_j}; {@code C_j = A_j·B_j}. These are the evaluations on the domain {@code {ω^j}}.</li>
 *   <li>FFT: each of A, B, C moves to the coset {@code g·{ω^j}}, {@code g} a primitive {@code 2n}-th
 *       root of unity ({@link Radix2Domain#snarkjsCosetShift()}), where {@code Z(x) = x^n − 1 = −2};
 *       {@code h_j = A_j·B_j − C_j} there. The zkey's H points already contain {@code 1/Z} and
 *       {@code 1/δ}, so no division is needed.</li>
 *   <li>MSMs, with fresh {@code r, s}: {@code πA = α₁ + Σ w_i·A_i + r·δ₁},
 *       {@code πB = β₂ + Σ w_i·B2_i + s·δ₂}, {@code B₁ = β₁ + Σ w_i·B1_i + s·δ₁},
 *       {@code πC = Σ_(i > nPublic) w_i·C_i + Σ h_j·H_j + s·πA + r·B₁ − r·s·δ₁}.</li>
 * </ol>
 * Cost: about {@code 2·nnz} multiplications for the QAP, three size-{@code n} coset transforms
 * ({@code ~3·(n/2)·log n} multiplications each way), and five MSMs (four of size {@code nVars}, one of
 * size {@code n}; G2 is about three times as expensive as G1). Witness values are passed to the MSM as
 * they are: zero values cost nothing and small values (bits, small integers, and small negatives such as
 * −1) only the low windows (see {@link Msm}). Every stage uses the common ForkJoin pool; the QAP
 * evaluates A and B concurrently.
 *
 * <p>Zero knowledge rests on {@code r, s} being uniformly random and secret: pass a
 * {@link SecureRandom} (the default overloads do). A seeded generator makes proofs reproducible, for
 * tests only.
 *
 * <h2>Verifier</h2>
 * One product of four pairings: {@code e(−πA, πB)·e(α₁, β₂)·e(vk_x, γ₂)·e(πC, δ₂) = 1} with
 * {@code vk_x = IC_0 + Σ x_i·IC_i}. Inputs are typed and therefore already valid (points on their
 * curves, B in G2, inputs in Fr); parsing untrusted data into them is {@code io.zkml4j.groth16.json.SnarkjsJson}'s
 * job, which rejects non-canonical or out-of-range values.
 */
public final class Groth16 {

    private static final MontgomeryKernel K = Fr.KERNEL;

    /** Estimated fraction of the work done when each stage starts (for progress bars). */
    private static final double F_QAP = 0.01, F_FFT = 0.05, F_H = 0.15, F_A = 0.35, F_B1 = 0.45,
            F_B2 = 0.55, F_C = 0.85, F_FINISH = 0.99;

    private Groth16() {
    }

    // ---- Proving ---------------------------------------------------------------------------------

    /** {@link #prove(ProvingKey, Witness, RandomGenerator, ProveOptions)} with a new {@link SecureRandom}. */
    public static ProofWithPublicSignals prove(ProvingKey pk, Witness witness) {
        return prove(pk, witness, new SecureRandom(), ProveOptions.defaults());
    }

    /** As {@link #prove(ProvingKey, Witness, RandomGenerator, ProveOptions)} with default options. */
    public static ProofWithPublicSignals prove(ProvingKey pk, Witness witness, RandomGenerator rng) {
        return prove(pk, witness, rng, ProveOptions.defaults());
    }

    /**
     * Proves that {@code witness} satisfies the circuit of {@code pk}.
     *
     * @param rng source of the blinding scalars {@code r, s}; must be a cryptographically secure
     *     generator for zero knowledge
     * @throws Groth16Exception if the witness length is not {@code nVars}, wire 0 is not 1, or (with
     *     {@link ProveOptions#checkingAgainst}) the R1CS does not match the key or the witness violates a
     *     constraint (the message names it)
     */
    public static ProofWithPublicSignals prove(ProvingKey pk, Witness witness, RandomGenerator rng,
                                               ProveOptions options) {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(options, "options");
        ProveOptions.ProgressListener progress = options.progress();
        if (witness.size() != pk.nVars()) {
            throw new Groth16Exception("The witness has " + witness.size() + " values but the proving key expects "
                    + pk.nVars() + " (nVars)");
        }
        if (options.r1cs().isPresent()) {
            progress.onStage("check", 0);
            checkWitness(pk, options.r1cs().get(), witness);
        }
        long[] w = witness.montgomeryLimbs(); // our copy: converted to standard form, then to MSM scalars
        if (!K.isOne(w, 0)) {
            throw new Groth16Exception("Witness value 0 must be 1 (the constant wire) but is " + witness.get(0));
        }
        parallelChunks(w.length / 4, (from, to) -> {
            for (int i = from; i < to; i++) {
                K.fromMontgomery(w, 4 * i, w, 4 * i);
            }
        });
        return proveOwned(pk, w, rng, progress);
    }

    /**
     * Proves from a flat witness in <em>standard</em> form: {@code 4·nVars} longs, each value as four
     * little-endian limbs of an integer below r (the layout of a {@code .wtns} file's values). The array
     * is not modified.
     *
     * @throws Groth16Exception if the length is wrong, a value is not below r, or value 0 is not 1
     */
    public static ProofWithPublicSignals proveStandardForm(ProvingKey pk, long[] witness, RandomGenerator rng,
                                                           ProveOptions options) {
        checkStandardForm(pk, witness, options);
        return proveOwned(pk, witness.clone(), rng, options.progress());
    }

    /**
     * As {@link #proveStandardForm} but taking the array over: it is overwritten (it becomes the MSM
     * scalars), so the witness is held in memory once ({@code WtnsFile.readStandardLimbs} reads it in
     * this form). On failure its content is unspecified.
     */
    public static ProofWithPublicSignals proveStandardFormInPlace(ProvingKey pk, long[] witness, RandomGenerator rng,
                                                                  ProveOptions options) {
        checkStandardForm(pk, witness, options);
        return proveOwned(pk, witness, rng, options.progress());
    }

    private static void checkStandardForm(ProvingKey pk, long[] witness, ProveOptions options) {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(options, "options");
        if (witness.length != 4L * pk.nVars()) {
            throw new Groth16Exception("The witness has " + (witness.length % 4 == 0 ? witness.length / 4 + " values"
                    : witness.length + " limbs (not 4 per value)") + " but the proving key expects " + pk.nVars()
                    + " (nVars)");
        }
        for (int i = 0; i < pk.nVars(); i++) {
            if (!K.isCanonical(witness, 4 * i)) {
                throw new Groth16Exception("Witness value " + i + " is not below r");
            }
        }
        if (options.r1cs().isPresent()) {
            options.progress().onStage("check", 0);
            long[] mont = new long[witness.length];
            for (int i = 0; i < pk.nVars(); i++) {
                K.toMontgomery(mont, 4 * i, witness, 4 * i);
            }
            checkWitness(pk, options.r1cs().get(), Witness.fromMontgomeryLimbs(mont));
        }
        if (witness[0] != 1 || witness[1] != 0 || witness[2] != 0 || witness[3] != 0) {
            throw new Groth16Exception("Witness value 0 must be 1 (the constant wire)");
        }
    }

    private static void checkWitness(ProvingKey pk, R1cs r1cs, Witness witness) {
        if (r1cs.numWires() != pk.nVars() || r1cs.numPublic() != pk.nPublic()) {
            throw new Groth16Exception("The R1CS (" + r1cs.numWires() + " wires, " + r1cs.numPublic()
                    + " public) does not belong to the proving key (nVars = " + pk.nVars() + ", nPublic = "
                    + pk.nPublic() + ")");
        }
        CheckResult result = r1cs.check(witness);
        if (!result.isSatisfied()) {
            throw new Groth16Exception("The witness does not satisfy the circuit: " + result.message());
        }
    }

    /**
     * The prover proper, on a witness in standard form that it owns: the array serves the QAP, then
     * becomes the MSM scalars in place, so the witness is held once. Each large temporary lives in a
     * helper method, so it is unreachable as soon as its stage is over.
     */
    private static ProofWithPublicSignals proveOwned(ProvingKey pk, long[] wStd, RandomGenerator rng,
                                                     ProveOptions.ProgressListener progress) {
        Msm.warmUpFor(pk.domainSize()); // the vector kernels compile while the QAP and the FFTs run
        int nVars = pk.nVars(), nPublic = pk.nPublic();
        List<Fr> publicSignals = new ArrayList<>(nPublic);
        long[] mont = new long[4];
        for (int i = 1; i <= nPublic; i++) {
            K.toMontgomery(mont, 0, wStd, 4 * i);
            publicSignals.add(Fr.fromMontgomeryLimbs(mont, 0));
        }

        G1Jacobian hMsm = quotientMsm(pk, wStd, progress);
        MsmScalars w = MsmScalars.fromStandardInPlace(wStd, nVars);
        progress.onStage("msm-a", F_A);
        G1Jacobian aMsm = Msm.g1(pk.pointsA(), w);
        progress.onStage("msm-b1", F_B1);
        G1Jacobian b1Msm = Msm.g1(pk.pointsB1(), w);
        progress.onStage("msm-b2", F_B2);
        G2Jacobian b2Msm = Msm.g2(pk.pointsB2(), w);
        progress.onStage("msm-c", F_C);
        G1Jacobian cMsm = Msm.g1(pk.pointsC(), w.slice(nPublic + 1, nVars - nPublic - 1));

        progress.onStage("finish", F_FINISH);
        Fr r = Fr.random(rng);
        Fr s = Fr.random(rng);
        G1Jacobian piA = aMsm.add(pk.alpha1()).add(pk.delta1().toJacobian().mul(r));
        G2Jacobian piB = b2Msm.add(pk.beta2()).add(pk.delta2().toJacobian().mul(s));
        G1Jacobian b1 = b1Msm.add(pk.beta1()).add(pk.delta1().toJacobian().mul(s));
        G1Jacobian piC = cMsm.add(hMsm).add(piA.mul(s)).add(b1.mul(r))
                .add(pk.delta1().toJacobian().mul(r.mul(s)).neg());
        Proof proof = Proof.of(piA.toAffine(), piB.toAffine(), piC.toAffine());
        progress.onStage("done", 1.0);
        return new ProofWithPublicSignals(proof, publicSignals);
    }

    /** {@code Σ h_j·H_j}: the QAP on the domain, three transforms to the coset, and the H MSM. */
    private static G1Jacobian quotientMsm(ProvingKey pk, long[] wStd, ProveOptions.ProgressListener progress) {
        int n = pk.domainSize();
        progress.onStage("qap", F_QAP);
        long[] h = quotientOnCoset(pk, wStd, n, progress);
        progress.onStage("msm-h", F_H);
        return Msm.g1(pk.pointsH(), MsmScalars.fromMontgomeryInPlace(h, n));
    }

    /** {@code h_j = A_j·B_j − C_j} on the coset (Montgomery form), in the array that held A. */
    private static long[] quotientOnCoset(ProvingKey pk, long[] wStd, int n,
                                          ProveOptions.ProgressListener progress) {
        long[][] ab = evaluateQap(pk, wStd, n);
        long[] a = ab[0], b = ab[1];
        long[] c = new long[4 * n];
        parallelChunks(n, (from, to) -> {
            for (int j = from; j < to; j++) {
                K.mul(c, 4 * j, a, 4 * j, b, 4 * j);
            }
        });

        progress.onStage("fft", F_FFT);
        Radix2Domain domain = Radix2Domain.of(n);
        Fr shift = domain.snarkjsCosetShift();
        domain.evaluationsOnCoset(a, shift);
        domain.evaluationsOnCoset(b, shift);
        domain.evaluationsOnCoset(c, shift);
        long[] h = a; // h_j = a_j·b_j − c_j on the coset, in place
        parallelChunks(n, (from, to) -> {
            for (int j = from; j < to; j++) {
                K.mul(h, 4 * j, a, 4 * j, b, 4 * j);
                K.sub(h, 4 * j, h, 4 * j, c, 4 * j);
            }
        });
        return h;
    }

    /**
     * The evaluations of A and B on the domain (Montgomery form), A and B computed concurrently. Each
     * stored coefficient is {@code value·R²}, so one Montgomery product with the standard-form witness
     * value gives {@code value·w} in Montgomery form.
     */
    static long[][] evaluateQap(ProvingKey pk, long[] wStd, int n) {
        QapCoefficients q = pk.coefficients(); // a streamed key's are read for this proof and let go here
        long[] a = new long[4 * n];
        long[] b = new long[4 * n];
        int[] matrix = q.matrixArray(), constraint = q.constraintArray(), signal = q.signalArray();
        long[] values = q.rawValueArray();
        int count = q.size();
        CompletableFuture<Void> bTask = CompletableFuture.runAsync(
                () -> accumulate(QapCoefficients.B, b, matrix, constraint, signal, values, count, wStd));
        accumulate(QapCoefficients.A, a, matrix, constraint, signal, values, count, wStd);
        bTask.join();
        return new long[][] {a, b};
    }

    private static void accumulate(int which, long[] out, int[] matrix, int[] constraint, int[] signal,
                                   long[] values, int count, long[] wStd) {
        long[] t = new long[4];
        for (int i = 0; i < count; i++) {
            if (matrix[i] != which) {
                continue;
            }
            int sig = signal[i];
            if (MontgomeryKernel.isZero(wStd, 4 * sig)) {
                continue;
            }
            K.mul(t, 0, values, 4 * i, wStd, 4 * sig);
            int o = 4 * constraint[i];
            K.add(out, o, out, o, t, 0);
        }
    }

    private interface Range {
        void run(int from, int to);
    }

    private static void parallelChunks(int n, Range body) {
        int chunk = 1 << 12;
        if (n <= chunk) {
            body.run(0, n);
            return;
        }
        int chunks = (n + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(t -> body.run(t * chunk, Math.min(n, (t + 1) * chunk)));
    }

    // ---- Verification ----------------------------------------------------------------------------

    /**
     * Checks a proof against a verifying key and public inputs with one multi-pairing (4 pairs).
     *
     * @return whether the proof is valid for these inputs
     * @throws Groth16Exception if the number of inputs is not {@code vk.nPublic()}
     */
    public static boolean verify(VerifyingKey vk, List<Fr> publicInputs, Proof proof) {
        Objects.requireNonNull(vk, "vk");
        Objects.requireNonNull(proof, "proof");
        if (publicInputs.size() != vk.nPublic()) {
            throw new Groth16Exception("The verifying key expects " + vk.nPublic() + " public inputs but "
                    + publicInputs.size() + " were given");
        }
        List<G1Affine> ic = vk.ic();
        G1Jacobian vkX = ic.get(0).toJacobian();
        if (!publicInputs.isEmpty()) {
            G1Affine[] points = ic.subList(1, ic.size()).toArray(G1Affine[]::new);
            Fr[] scalars = publicInputs.toArray(Fr[]::new);
            vkX = vkX.add(Msm.g1(points, scalars));
        }
        return Bn254Pairing.pairingCheck(List.of(
                PairingInput.of(proof.a().neg(), proof.b()),
                PairingInput.of(vk.alpha1(), vk.beta2()),
                PairingInput.of(vkX.toAffine(), vk.gamma2()),
                PairingInput.of(proof.c(), vk.delta2())));
    }

    /**
     * Converts public inputs given as integers (as in {@code public.json}) to field elements.
     *
     * @throws Groth16Exception if a value is negative or not below r (snarkjs would reduce it silently,
     *     which lets one proof verify for several input lists; we refuse instead)
     */
    public static List<Fr> publicInputs(List<BigInteger> values) {
        List<Fr> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            BigInteger v = Objects.requireNonNull(values.get(i), "public input");
            if (v.signum() < 0 || v.compareTo(Fr.MODULUS) >= 0) {
                throw new Groth16Exception("Public input " + i + " = " + v + " is not in the scalar field [0, r)");
            }
            out.add(Fr.of(v));
        }
        return out;
    }
}
