package io.zkml4j.prover;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.setup.DevSetup;
import io.zkml4j.groth16.setup.Groth16Setup;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.Witness;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * The facade that joins the circuit front end and the Groth16 back end (the only module that sees
 * both): compile a {@link Circuit}, set up keys, prove, verify.
 *
 * <pre>{@code
 * Prover.Keys keys = Prover.setupDev(circuit);                // development only: see there
 * ProofWithPublicSignals p = Prover.prove(keys, circuit);     // refuses an unsatisfying witness
 * boolean ok = Prover.verify(keys.verifyingKey(), p.publicSignals(), p.proof());
 * }</pre>
 */
public final class Prover {

    private Prover() {
    }

    /**
     * Keys for one circuit.
     *
     * @param r1cs         the compiled constraint system (with constraint names)
     * @param provingKey   the Groth16 proving key
     * @param verifyingKey its verifying key
     */
    public record Keys(R1cs r1cs, ProvingKey provingKey, VerifyingKey verifyingKey) {
        public Keys {
            Objects.requireNonNull(r1cs, "r1cs");
            Objects.requireNonNull(provingKey, "provingKey");
            Objects.requireNonNull(verifyingKey, "verifyingKey");
        }
    }

    /**
     * The smallest ptau power whose domain holds the constraints plus one row per public signal and wire 0
     * (the domain's log size; at least 1).
     */
    public static int requiredPower(R1cs r1cs) {
        long rows = (long) r1cs.numConstraints() + r1cs.numPublic() + 1;
        int power = 1;
        while ((1L << power) < rows) {
            power++;
        }
        return power;
    }

    /**
     * Keys from a prepared powers-of-tau file (snarkjs {@code groth16 setup}, no phase-2 contribution).
     */
    public static Keys setup(R1cs r1cs, Path preparedPtau) {
        try (PtauFile ptau = PtauFile.open(preparedPtau)) {
            ProvingKey pk = Groth16Setup.newZkey(r1cs, ptau).key();
            return new Keys(r1cs, pk, pk.verifyingKey());
        }
    }

    /**
     * <b>Development only — insecure: whoever can read this process's memory can forge proofs.</b>
     * Compiles {@code circuit} and sets it up with {@link DevSetup}: the toxic waste (τ, α, β, γ, δ) is
     * sampled in this process, used, and its arrays zeroed, but nothing proves it is gone. Seconds where
     * a local ceremony took minutes; no ptau, no files. For a real deployment use
     * {@link #setup(R1cs, Path)} with a public multi-party ceremony and phase-2 contributions.
     */
    public static Keys setupDev(Circuit circuit) {
        R1cs r1cs = R1csBuilder.compile(circuit);
        ProvingKey pk = DevSetup.newZkey(r1cs).key();
        return new Keys(r1cs, pk, pk.verifyingKey());
    }

    /**
     * Runs {@code circuit} for its witness and proves it.
     *
     * @throws io.zkml4j.groth16.Groth16Exception if the witness does not satisfy the circuit (the
     *     message names the first violated constraint)
     */
    public static ProofWithPublicSignals prove(Keys keys, Circuit circuit) {
        return prove(keys, R1csBuilder.build(circuit).witness());
    }

    /**
     * Proves {@code witness} after checking it against the keys' R1CS.
     *
     * @throws io.zkml4j.groth16.Groth16Exception if it does not satisfy the circuit (the message names
     *     the first violated constraint)
     */
    public static ProofWithPublicSignals prove(Keys keys, Witness witness) {
        return Groth16.prove(keys.provingKey(), witness, new SecureRandom(),
                ProveOptions.defaults().checkingAgainst(keys.r1cs()));
    }

    /**
     * Proves {@code witness} <em>without</em> checking it first. For soundness tests: a witness that
     * violates a constraint yields a proof that does not verify.
     */
    public static ProofWithPublicSignals proveUnchecked(Keys keys, Witness witness) {
        return Groth16.prove(keys.provingKey(), witness, new SecureRandom(), ProveOptions.defaults());
    }

    /** Whether {@code proof} is valid for the public signals (outputs, then public inputs). */
    public static boolean verify(VerifyingKey vk, List<Fr> publicSignals, Proof proof) {
        return Groth16.verify(vk, publicSignals, proof);
    }
}
